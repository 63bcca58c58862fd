package com.complaintdesk.similarity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Similar complaints and the suggested classification on a real index, in English and in Chinese. Each original
 * below has a near-duplicate written by someone else in other words; the index holds the originals among unrelated
 * complaints.
 */
class SimilarComplaintsTest {

  /** Original, then its near-duplicate. */
  static final Map<String, String> ENGLISH = Map.of(
      "The app crashes every time I open the camera", "Opening the camera makes the app crash each time",
      "My refund for the returned shoes has not arrived after two weeks", "Two weeks later the refund for the shoes I returned still has not arrived",
      "The support agent was rude and hung up on me", "Rude support agent hung up the phone on me",
      "Parcel marked as delivered but I never received it", "It says delivered but the parcel never reached me",
      "Subscription price doubled without any notice", "Without notice the price of my subscription doubled",
      "Videos keep buffering and freezing on my tablet", "On my tablet the videos freeze and keep buffering",
      "Too many pop-up ads on the home page", "The home page shows too many pop-up ads",
      "Someone posted my phone number in the comments", "My phone number was posted by someone in the comments");

  static final Map<String, String> CHINESE = Map.of(
      "我申请的退款已经两周了还没有到账", "退款申请两个星期了，钱还没到账",
      "客服人员态度非常恶劣，挂断了我的电话", "打电话给客服，态度恶劣还直接挂断",
      "我的账号被盗了，密码被别人修改", "账号被盗，别人把我的密码改了",
      "订单显示已签收但是我没有收到快递", "快递显示签收了，可我根本没收到",
      "会员价格突然上涨了一倍，太贵了", "会员突然涨价一倍，价格太贵",
      "视频播放的时候一直卡顿，画面不动", "播放视频总是卡顿，画面卡住不动",
      "首页弹出的广告太多，关都关不掉", "首页广告弹窗太多了，关不掉",
      "我的手机号码被公开在评论区", "评论区里公开了我的手机号码");

  static final List<String> UNRELATED = List.of(
      "I cannot log in to my account since yesterday", "Dark mode colours are hard to read",
      "Search results are not relevant to what I type", "The checkout button does nothing",
      "Notifications arrive twice on my watch", "The menu translation into French is wrong",
      "无法登录我的账户", "夜间模式的颜色太暗了", "搜索结果和我输入的内容无关", "结账按钮点了没有反应",
      "通知在手表上重复出现", "菜单的法语翻译有错误");

  @TempDir Path directory;
  ComplaintTable table = new ComplaintTable();
  ComplaintIndex index;

  @BeforeEach
  void openIndex() throws IOException {
    index = openIndex(directory);
  }

  @AfterEach
  void closeIndex() throws IOException {
    index.destroy();
  }

  @Test
  void eachNearDuplicateFindsItsOriginalAmongTheThreeClosest() {
    Map<String, String> originals = new LinkedHashMap<>();
    ENGLISH.forEach((original, duplicate) -> originals.put(table.open(original), duplicate));
    CHINESE.forEach((original, duplicate) -> originals.put(table.open(original), duplicate));
    UNRELATED.forEach(table::open);
    index.catchUp();

    originals.forEach((trackingNumber, duplicate) -> assertThat(
        similar().similarTo(duplicate, "CD-NEW").stream().limit(3).map(SimilarComplaint::trackingNumber))
        .as("the three complaints closest to \"%s\"", duplicate).contains(trackingNumber));
  }

  @Test
  void aComplaintIsNotSimilarToItself() {
    String crash = table.open("The app crashes every time I open the camera");
    index.catchUp();

    assertThat(similar().similarTo("The app crashes every time I open the camera", crash)).isEmpty();
  }

  @Test
  void theSuggestionLearnsFromSettledComplaintsOnly() {
    UNRELATED.forEach(text -> table.settled(text, "FUNCTIONAL", "TECH_SUPPORT"));
    table.open("Where is the lost property office at the central station");
    table.open("Lost property at the central station: nobody answers");
    index.catchUp();
    assertThat(suggestions().suggest("Who runs the lost property office at the central station?", "CD-NEW").category())
        .as("unsettled complaints do not vote").isNotEqualTo("SERVICE");

    // triage settles two such complaints as service
    table.settled("The lost property office at the central station is closed", "SERVICE", "CUSTOMER_SERVICE");
    table.settled("Lost property office central station never calls back", "SERVICE", "CUSTOMER_SERVICE");
    index.catchUp();

    var third = suggestions().suggest("Who runs the lost property office at the central station?", "CD-NEW");
    assertThat(third.category()).isEqualTo("SERVICE");
    assertThat(third.department()).isEqualTo("CUSTOMER_SERVICE");
    assertThat(third.categoryConfidence()).as("two votes of ten are no trusted suggestion").isLessThan(0.8);
  }

  @Test
  void manyAgreeingSettledComplaintsMakeAConfidentSuggestion() {
    UNRELATED.forEach(text -> table.settled(text, "FUNCTIONAL", "TECH_SUPPORT"));
    for (int i = 1; i <= 10; i++) {
      table.settled("Gift card number " + i + " was rejected at the till of the partner shop", "TRANSACTION_DISPUTE",
          "CUSTOMER_SERVICE");
    }
    index.catchUp();

    var suggestion = suggestions().suggest("My gift card was rejected at the till of a partner shop", "CD-NEW");
    assertThat(suggestion.category()).isEqualTo("TRANSACTION_DISPUTE");
    assertThat(suggestion.categoryConfidence()).isGreaterThanOrEqualTo(0.8).isLessThanOrEqualTo(1.0);
  }

  @Test
  void aTextLikeNoSettledComplaintGetsNoSuggestion() {
    table.settled("The app crashes every time I open the camera", "FUNCTIONAL", "TECH_SUPPORT");
    index.catchUp();

    assertThat(suggestions().suggest("会员价格突然上涨了一倍", "CD-NEW")).isEqualTo(Suggestion.NONE);
  }

  @Test
  void erasedTextsLeaveTheIndex() {
    String ads = table.open("Too many pop-up ads on the home page");
    index.catchUp();
    assertThat(similar().similarTo("The home page shows too many pop-up ads", "CD-NEW")).hasSize(1);

    table.eraseTexts(ads);
    index.catchUp();

    assertThat(similar().similarTo("The home page shows too many pop-up ads", "CD-NEW")).isEmpty();
  }

  @Test
  void aLostIndexIsBuiltAgainFromTheTable() throws IOException {
    String ads = table.open("Too many pop-up ads on the home page");
    index.catchUp();
    index.destroy();
    deleteAll(directory);

    index = openIndex(directory);
    index.catchUp();

    assertThat(similar().similarTo("The home page shows too many pop-up ads", "CD-NEW"))
        .extracting(SimilarComplaint::trackingNumber).containsExactly(ads);
  }

  @Test
  void aRestartReadsOnFromWhereTheCommittedIndexStopped() throws IOException {
    String first = table.open("Too many pop-up ads on the home page");
    index.catchUp();
    index.destroy();
    String second = table.open("Pop-up ads cover the home page");

    index = openIndex(directory);
    index.catchUp();

    assertThat(similar().similarTo("The home page shows too many pop-up ads", "CD-NEW"))
        .extracting(SimilarComplaint::trackingNumber).containsExactlyInAnyOrder(first, second);
  }

  @Test
  void anUnreadableIndexIsBuiltAgain() throws IOException {
    String ads = table.open("Too many pop-up ads on the home page");
    index.catchUp();
    index.destroy();
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.write(file, new byte[] {1, 2, 3});
      }
    }

    index = openIndex(directory);
    index.catchUp();

    assertThat(similar().similarTo("The home page shows too many pop-up ads", "CD-NEW"))
        .extracting(SimilarComplaint::trackingNumber).containsExactly(ads);
  }

  @Test
  void aRowStampedAheadOfTheClockHidesNoLaterChange() {
    String ahead = table.openChangedAt("Too many pop-up ads on the home page", Instant.now().plus(Duration.ofDays(30)));
    index.catchUp();
    String now = table.openChangedAt("Pop-up ads cover the home page", Instant.now());
    index.catchUp();

    assertThat(similar().similarTo("The home page shows too many pop-up ads", "CD-NEW"))
        .extracting(SimilarComplaint::trackingNumber).containsExactlyInAnyOrder(ahead, now);
  }

  @Test
  void aSuggestionLeavesTheFirstBuildToTheIndexsOwnThread() throws IOException {
    String ads = table.open("Too many pop-up ads on the home page");
    index.destroy();
    index = new ComplaintIndex(table, new SimilarityProperties(directory, 10, 5, Duration.ofSeconds(5), Duration.ZERO,
        Duration.ofSeconds(10)));

    assertThat(index.catchUpIfStale()).as("caught up").isFalse();
    assertThat(similar().similarTo("The home page shows too many pop-up ads", "CD-NEW")).isEmpty();

    index.catchUp();
    assertThat(index.catchUpIfStale()).isTrue();
    assertThat(similar().similarTo("The home page shows too many pop-up ads", "CD-NEW"))
        .extracting(SimilarComplaint::trackingNumber).containsExactly(ads);
  }

  @Test
  void aSecondNodeOnTheSameDirectoryIsRefusedAndTheIndexStaysWhole() {
    String ads = table.open("Too many pop-up ads on the home page");
    index.catchUp();

    assertThatThrownBy(() -> openIndex(directory)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("give each node a directory of its own");

    assertThat(similar().similarTo("The home page shows too many pop-up ads", "CD-NEW"))
        .extracting(SimilarComplaint::trackingNumber).containsExactly(ads);
  }

  private ComplaintIndex openIndex(Path at) throws IOException {
    return new ComplaintIndex(table, properties(at));
  }

  private SimilarComplaints similar() {
    return new SimilarComplaints(index, properties(directory));
  }

  private ClassificationSuggestions suggestions() {
    return new ClassificationSuggestions(index, properties(directory));
  }

  private static SimilarityProperties properties(Path at) {
    return new SimilarityProperties(at, 10, 5, Duration.ZERO, Duration.ZERO, Duration.ofSeconds(10));
  }

  private static void deleteAll(Path directory) throws IOException {
    try (var files = Files.list(directory)) {
      for (Path file : files.toList()) {
        Files.delete(file);
      }
    }
  }
}
