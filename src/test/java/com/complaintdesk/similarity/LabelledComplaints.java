package com.complaintdesk.similarity;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A generated set of complaint texts with their categories, in English or Chinese: for each category five wordings
 * users put its problems in, filled with details that several categories share (the features, the actions) and
 * padded with phrases every category has, so that categories overlap in words as real complaints do. The same seed
 * gives the same set.
 */
final class LabelledComplaints {

  /** A complaint text, its category and which of the category's wordings it uses (0 to 4). */
  record Labelled(String text, String category, int wording) {
  }

  /** Every category has this many wordings per language. */
  static final int WORDINGS = 5;

  enum Language { ENGLISH, CHINESE }

  /** Where each category goes (what a department taking it on settles). */
  static final Map<String, String> DEPARTMENTS = Map.of("FUNCTIONAL", "TECH_SUPPORT", "EXPERIENCE", "DESIGN",
      "CONTENT", "PRODUCT", "SERVICE", "CUSTOMER_SERVICE", "PRICE", "PRODUCT", "TRANSACTION_DISPUTE",
      "CUSTOMER_SERVICE", "INFORMATION_SECURITY", "LEGAL");

  private static final Map<String, List<String>> ENGLISH = Map.of(
      "FUNCTIONAL", List.of("the app crashes when I {action}", "{action} fails with an error", "the {feature} button does"
          + " nothing", "I get a blank screen when I {action}", "{feature} is broken since the update"),
      "EXPERIENCE", List.of("the {feature} page is confusing", "hard to find {feature} in the menu", "too many steps to"
          + " {action}", "the text on the {feature} page is too small", "the new design of {feature} is ugly"),
      "CONTENT", List.of("a post in {place} is offensive", "fake reviews in {place}", "spam messages in {place}",
          "someone copied my photos into {place}", "an inappropriate video in {place}"),
      "SERVICE", List.of("the agent on the phone was rude", "nobody answered my ticket for {wait}", "support closed my"
          + " ticket without helping", "I waited {wait} for a callback", "the hotline keeps me on hold for {wait}"),
      "PRICE", List.of("the subscription became more expensive", "hidden fees on my bill for {feature}", "the price of"
          + " {feature} doubled", "delivery costs far too much", "the premium plan went up without notice"),
      "TRANSACTION_DISPUTE", List.of("I was charged twice for order {number}", "my refund for order {number} never"
          + " came", "paid but order {number} was not delivered", "the seller refuses to refund order {number}",
          "an unknown payment on my card for order {number}"),
      "INFORMATION_SECURITY", List.of("someone signed in to my account from {city}", "my password was changed by"
          + " someone else", "a phishing mail in your name asked for my login", "my personal data is visible to"
          + " others", "my account was taken over from {city}"));

  private static final Map<String, List<String>> CHINESE = Map.of(
      "FUNCTIONAL", List.of("我{action}的时候应用闪退", "{action}时报错失败", "{feature}按钮点了没有反应", "{action}后屏幕一片空白",
          "更新以后{feature}坏了"),
      "EXPERIENCE", List.of("{feature}页面很难看懂", "菜单里找不到{feature}", "{action}的步骤太多了", "{feature}页面的字太小",
          "{feature}的新设计很难看"),
      "CONTENT", List.of("{place}里有侮辱性的帖子", "{place}有虚假评价", "{place}全是垃圾信息", "有人把我的照片抄到{place}",
          "{place}有不良视频"),
      "SERVICE", List.of("电话客服态度恶劣", "我的工单{wait}没人回复", "客服没解决问题就关闭了工单", "我等回电等了{wait}",
          "热线让我等了{wait}"),
      "PRICE", List.of("会员订阅变贵了", "{feature}的账单有隐藏费用", "{feature}的价格翻倍了", "运费太贵了", "高级套餐没通知就涨价"),
      "TRANSACTION_DISPUTE", List.of("订单{number}被扣了两次款", "订单{number}的退款一直没到账", "付了钱订单{number}却没发货",
          "卖家拒绝给订单{number}退款", "我的银行卡有一笔订单{number}的陌生扣款"),
      "INFORMATION_SECURITY", List.of("有人从{city}登录了我的账号", "我的密码被别人改了", "收到冒充你们的钓鱼邮件要我的登录信息",
          "我的个人信息被别人看到了", "我的账号在{city}被盗"));

  private static final Map<String, List<String>> ENGLISH_SLOTS = Map.of(
      "action", List.of("upload a photo", "open my orders", "log out", "search for a product", "change my profile",
          "pay", "share a post"),
      "feature", List.of("checkout", "search", "upload", "profile", "orders", "messages", "settings"),
      "place", List.of("the forum", "the comments", "my feed", "the group chat", "the marketplace"),
      "wait", List.of("a week", "three days", "two weeks", "ten days", "an hour"),
      "number", List.of("1042", "2231", "3390", "4417", "5025", "6113", "7788"),
      "city", List.of("Lisbon", "Lagos", "Osaka", "Lima", "Oslo"));

  private static final Map<String, List<String>> CHINESE_SLOTS = Map.of(
      "action", List.of("上传照片", "打开订单", "退出登录", "搜索商品", "修改资料", "付款", "分享帖子"),
      "feature", List.of("结账", "搜索", "上传", "个人资料", "订单", "消息", "设置"),
      "place", List.of("论坛", "评论区", "我的动态", "群聊", "商城"),
      "wait", List.of("一个星期", "三天", "两个星期", "十天", "一个小时"),
      "number", List.of("1042", "2231", "3390", "4417", "5025", "6113", "7788"),
      "city", List.of("里斯本", "拉各斯", "大阪", "利马", "奥斯陆"));

  private static final List<String> ENGLISH_PADDING = List.of("Please help.", "This is the third time.",
      "Since yesterday.", "On my phone.", "I use the app every day.", "Fix it please.", "Very disappointed.",
      "My order and my account are affected.");

  private static final List<String> CHINESE_PADDING = List.of("请帮帮我。", "这是第三次了。", "从昨天开始。", "在我的手机上。",
      "我每天都用这个应用。", "请尽快处理。", "非常失望。", "我的订单和账号都受影响。");

  private LabelledComplaints() {
  }

  static List<Labelled> generate(Language language, int perCategory, long seed) {
    var random = new Random(seed);
    var templates = language == Language.ENGLISH ? ENGLISH : CHINESE;
    var slots = language == Language.ENGLISH ? ENGLISH_SLOTS : CHINESE_SLOTS;
    var padding = language == Language.ENGLISH ? ENGLISH_PADDING : CHINESE_PADDING;
    List<Labelled> set = new ArrayList<>();
    for (String category : templates.keySet().stream().sorted().toList()) {
      for (int i = 0; i < perCategory; i++) {
        int wording = random.nextInt(WORDINGS);
        String text = templates.get(category).get(wording);
        for (var slot : slots.entrySet()) {
          text = text.replace("{" + slot.getKey() + "}", pick(random, slot.getValue()));
        }
        String padded = random.nextBoolean() ? pick(random, padding) + " " + text : text + " " + pick(random, padding);
        set.add(new Labelled(padded, category, wording));
      }
    }
    java.util.Collections.shuffle(set, random);
    return set;
  }

  private static String pick(Random random, List<String> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
