package com.complaintdesk.similarity;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.cn.smart.HMMChineseTokenizer;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.en.EnglishMinimalStemFilter;
import org.apache.lucene.analysis.en.PorterStemFilter;

/**
 * How complaint texts become words, in English and Chinese alike: smartcn's tokenizer splits Chinese into words (by
 * its dictionary and hidden Markov model) and English at spaces and punctuation; then lower case, no stop words (the
 * little words of both languages that every complaint has, and punctuation), English stems ("crashes" and "crash"
 * are one word). Unlike smartcn's own analyser, stop words go before stemming, so that "was" or "has" go too.
 */
public final class ComplaintAnalyzer extends Analyzer {

  private static final CharArraySet STOP_WORDS = stopWords();

  private final boolean stems;

  ComplaintAnalyzer() {
    this(true);
  }

  private ComplaintAnalyzer(boolean stems) {
    this.stems = stems;
  }

  /**
   * Words as a person reads them back, for naming topics: English plurals folded ("refunds" is "refund") but no
   * stems ("charged" stays "charged", where the index has "charg").
   */
  public static Analyzer readableWords() {
    return new ComplaintAnalyzer(false);
  }

  @Override
  protected TokenStreamComponents createComponents(String fieldName) {
    Tokenizer tokenizer = new HMMChineseTokenizer();
    TokenStream words = new LowerCaseFilter(tokenizer);
    words = new StopFilter(words, STOP_WORDS);
    words = stems ? new PorterStemFilter(words) : new EnglishMinimalStemFilter(words);
    return new TokenStreamComponents(tokenizer, words);
  }

  @Override
  protected TokenStream normalize(String fieldName, TokenStream in) {
    return new LowerCaseFilter(in);
  }

  private static CharArraySet stopWords() {
    var stopWords = new CharArraySet(SmartChineseAnalyzer.getDefaultStopSet(), true);
    stopWords.addAll(EnglishAnalyzer.ENGLISH_STOP_WORDS_SET);
    stopWords.addAll(java.util.List.of("i", "me", "my", "we", "our", "you", "your", "he", "she", "his", "her", "has",
        "have", "had", "been", "do", "does", "did", "can", "could", "would", "should", "am", "were", "so", "just",
        "what", "who", "which", "when", "from", "about", "up", "out", "some", "any", "all", "very"));
    stopWords.addAll(java.util.List.of("的", "了", "是", "我", "在", "和", "就", "都", "也", "很", "到", "要", "你", "会", "着",
        "这", "那", "吗", "呢", "吧", "啊", "被", "把", "给", "让", "还", "又", "与", "及", "或", "我们", "你们", "他", "她", "它"));
    return CharArraySet.unmodifiableSet(stopWords);
  }
}
