package com.complaintdesk.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.complaintdesk.complaint.Contact;
import com.complaintdesk.complaint.SameContact;
import org.junit.jupiter.api.Test;

class TextSimilarityTest {

  static final String CRASH = "The app crashes when I upload a photo. Please fix it!";

  @Test
  void caseWhitespaceAndPunctuationDoNotCount() {
    assertThat(TextSimilarity.normalise("  The APP   crashes,\nwhen I upload… a photo!! ")).isEqualTo("the app crashes when i upload a photo");
    assertThat(TextSimilarity.of(CRASH, "the app crashes when i upload a photo please fix it")).isEqualTo(1.0);
  }

  @Test
  void aRetypedTextWithATypoOrAnAddedWordIsNearlyTheSame() {
    assertThat(TextSimilarity.of(CRASH, "The app crashes when I upload a phtoo. Please fix it!")).isGreaterThanOrEqualTo(0.8);
    assertThat(TextSimilarity.of(CRASH, "The app still crashes when I upload a photo. Please fix it!"))
        .isGreaterThanOrEqualTo(0.8);
  }

  @Test
  void anotherProblemOfTheSameUserIsNotNearlyTheSame() {
    assertThat(TextSimilarity.of(CRASH, "I was charged twice for my subscription this month")).isLessThan(0.2);
    assertThat(TextSimilarity.of(CRASH, "The app crashes when I open my messages")).isLessThan(0.8);
  }

  @Test
  void chineseTextWithoutSpacesIsComparedToo() {
    assertThat(TextSimilarity.of("上传照片时应用崩溃，请尽快修复。", "上传照片时应用崩溃！请尽快修复")).isEqualTo(1.0);
    assertThat(TextSimilarity.of("上传照片时应用崩溃，请尽快修复。", "我的订阅被重复扣费了")).isZero();
  }

  @Test
  void fullWidthAndHalfWidthLettersAreTheSame() {
    assertThat(TextSimilarity.of("ＡＰＰ crashes", "app crashes")).isEqualTo(1.0);
  }

  @Test
  void emptyOrMissingTextIsLikeNothing() {
    assertThat(TextSimilarity.of(null, CRASH)).isZero();
    assertThat(TextSimilarity.of("!!!", "...")).isZero();
    assertThat(TextSimilarity.of("ok", "OK!")).isEqualTo(1.0);
  }

  @Test
  void sameEmailInAnyCaseOrSamePhoneInAnyNotationIsTheSameContact() {
    var web = new Contact("Li Wei", "Li.Wei@Example.org ", null);
    assertThat(SameContact.as(web, new Contact(null, "li.wei@example.org", null))).isTrue();
    assertThat(SameContact.as(web, new Contact("Li Wei", "wei.li@example.org", null))).as("the name is no key").isFalse();

    var phone = new Contact(null, null, "+86 138-0000-1234");
    assertThat(SameContact.as(phone, new Contact(null, null, "0086 13800001234"))).isTrue();
    assertThat(SameContact.as(phone, new Contact(null, null, "(138) 0000 1234"))).as("without the country code").isTrue();
    assertThat(SameContact.as(phone, new Contact(null, null, "+86 138-0000-1235"))).isFalse();
    assertThat(SameContact.as(phone, new Contact(null, null, "1234"))).as("too short to be a number").isFalse();
    assertThat(SameContact.as(Contact.NONE, Contact.NONE)).as("no contact, nobody to match").isFalse();
  }
}
