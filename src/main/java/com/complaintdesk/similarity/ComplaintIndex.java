package com.complaintdesk.similarity;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Stream;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.queries.mlt.MoreLikeThis;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.store.LockObtainFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * This node's Lucene index of complaint texts, kept in step with the complaint table: {@link #catchUp()} reads the
 * complaints changed since the last change it indexed and adds, replaces or removes their documents. An index that is
 * missing or unreadable is built anew from the table, so losing it loses nothing. One index serves English and
 * Chinese ({@link ComplaintAnalyzer}).
 */
@Component
public class ComplaintIndex implements DisposableBean {

  static final String TRACKING_NUMBER = "trackingNumber";
  static final String TEXT = "text";
  static final String STATUS = "status";
  static final String CATEGORY = "category";
  static final String DEPARTMENT = "department";
  /** Present ({@link #YES}) on complaints whose category and department are settled: the suggestion learns from those. */
  static final String SETTLED = "settled";
  static final String YES = "yes";
  private static final String INDEXED_UP_TO = "indexedUpTo";
  private static final int PAGE = 500;
  private static final Logger log = LoggerFactory.getLogger(ComplaintIndex.class);

  private final ComplaintTexts texts;
  private final SimilarityProperties properties;
  private final Analyzer analyzer = new ComplaintAnalyzer();
  private final IndexWriter writer;
  private final SearcherManager searchers;
  private final ReentrantLock catchingUp = new ReentrantLock();
  /** The last change indexed (time and complaint id), and the changes read within the overlap before it. */
  private Position indexedUpTo;
  private final Map<String, Instant> recentlyIndexed = new HashMap<>();
  private boolean uncommitted;
  private volatile boolean caughtUp;
  private volatile long lastCaughtUpNanos;

  private record Position(Instant updatedAt, long id) {

    static final Position START = new Position(Instant.EPOCH, 0);

    String asText() {
      return updatedAt + " " + id;
    }

    static Position parse(String text) {
      String[] parts = text.split(" ");
      return new Position(Instant.parse(parts[0]), Long.parseLong(parts[1]));
    }
  }

  public ComplaintIndex(ComplaintTexts texts, SimilarityProperties properties) throws IOException {
    this.texts = texts;
    this.properties = properties;
    this.writer = openWriter(properties.indexDirectory());
    this.indexedUpTo = committedPosition(writer);
    this.searchers = new SearcherManager(writer, null);
    loadDictionaries();
  }

  /**
   * smartcn reads its Chinese dictionaries on first use, a few seconds of one core: at start-up, not in the first
   * complaint's classification.
   */
  private void loadDictionaries() throws IOException {
    try (var words = analyzer.tokenStream(TEXT, "应用闪退 app crash")) {
      words.reset();
      while (words.incrementToken()) {
        // read every word
      }
      words.end();
    }
  }

  private static Position committedPosition(IndexWriter writer) {
    Iterable<Map.Entry<String, String>> commitData = writer.getLiveCommitData();
    if (commitData != null) {
      for (Map.Entry<String, String> entry : commitData) {
        if (entry.getKey().equals(INDEXED_UP_TO)) {
          return Position.parse(entry.getValue());
        }
      }
    }
    return Position.START;
  }

  private IndexWriter openWriter(Path directory) throws IOException {
    try {
      return new IndexWriter(FSDirectory.open(Files.createDirectories(directory)), new IndexWriterConfig(analyzer));
    } catch (LockObtainFailedException taken) {
      throw new IllegalStateException("Another process holds the similarity index in " + directory + ": give each node"
          + " a directory of its own (complaint-desk.similarity.index-directory)", taken);
    } catch (IOException | RuntimeException unreadable) {
      log.warn("The similarity index in {} cannot be opened ({}); it is built anew from the complaint table", directory,
          unreadable.toString());
      deleteRecursively(directory);
      return new IndexWriter(FSDirectory.open(Files.createDirectories(directory)), new IndexWriterConfig(analyzer));
    }
  }

  /**
   * Brings the index up to the complaint table unless it caught up within {@code freshness}. Returns at once (false)
   * when another thread is already at it, or when the index has not been built yet and its own thread will build it
   * ({@link IndexUpkeep}: a build from a large table must not run in the caller's transaction); the caller then works
   * with what is indexed so far.
   */
  public boolean catchUpIfStale() {
    if (!caughtUp && !properties.catchUpInterval().isZero()) {
      return false;
    }
    if (caughtUp && System.nanoTime() - lastCaughtUpNanos < properties.freshness().toNanos()) {
      return true;
    }
    return catchUp();
  }

  /**
   * Reads the whole complaint table again, after a catch-up under way. For changes stamped on a clock behind the
   * index's read position, which a catch-up does not look back to: the demo's samples of past days, written on the
   * engine clock of then.
   */
  public void rereadAll() {
    catchingUp.lock();
    try {
      indexedUpTo = Position.START;
      recentlyIndexed.clear();
      catchUp(); // the lock is ours already (reentrant)
    } finally {
      catchingUp.unlock();
    }
  }

  /**
   * Brings the index up to the complaint table. Returns at once (false) when another thread is already at it; the
   * caller then works with what is indexed so far.
   */
  public boolean catchUp() {
    if (!catchingUp.tryLock()) {
      return false;
    }
    try {
      long started = System.nanoTime();
      Instant readStarted = Instant.now();
      // Read again from a little before the last change indexed: a transaction that committed late, with an earlier
      // time of change, is found too.
      Instant overlapStart = indexedUpTo.updatedAt().minus(properties.catchUpOverlap());
      recentlyIndexed.values().removeIf(changed -> changed.isBefore(overlapStart));
      Position from = indexedUpTo.equals(Position.START) ? Position.START : new Position(overlapStart, 0);
      boolean changed = false;
      List<IndexedComplaint> page;
      do {
        page = texts.changedAfter(from.updatedAt(), from.id(), PAGE);
        for (IndexedComplaint complaint : page) {
          changed |= index(complaint);
          from = new Position(complaint.updatedAt(), complaint.id());
        }
      } while (page.size() == PAGE);
      // Never past this node's clock: a row stamped ahead of it (a clock that was ahead, or moved in a test) is read
      // again until the clock passes it, rather than let it hide the changes stamped after it.
      Position readUpTo = from.updatedAt().isAfter(readStarted) ? new Position(readStarted, 0) : from;
      if (readUpTo.updatedAt().isAfter(indexedUpTo.updatedAt())) {
        indexedUpTo = readUpTo;
        uncommitted = true;
      }
      if (changed) {
        uncommitted = true;
        searchers.maybeRefresh();
      }
      lastCaughtUpNanos = started;
      caughtUp = true;
      return true;
    } catch (IOException e) {
      throw new UncheckedIOException("The similarity index could not take the complaint table's changes", e);
    } finally {
      catchingUp.unlock();
    }
  }

  private boolean index(IndexedComplaint complaint) throws IOException {
    if (complaint.updatedAt().equals(recentlyIndexed.get(complaint.trackingNumber()))) {
      return false;
    }
    recentlyIndexed.put(complaint.trackingNumber(), complaint.updatedAt());
    Term id = new Term(TRACKING_NUMBER, complaint.trackingNumber());
    if (!complaint.indexable()) {
      writer.deleteDocuments(id);
      return true;
    }
    var document = new Document();
    document.add(new StringField(TRACKING_NUMBER, complaint.trackingNumber(), Field.Store.YES));
    document.add(new StringField(STATUS, complaint.status().name(), Field.Store.YES));
    document.add(new TextField(TEXT, complaint.text(), Field.Store.NO));
    if (complaint.settled()) {
      document.add(new StringField(CATEGORY, complaint.settledCategory(), Field.Store.YES));
      document.add(new StringField(DEPARTMENT, complaint.settledDepartment(), Field.Store.YES));
      document.add(new StringField(SETTLED, YES, Field.Store.NO));
    }
    writer.updateDocument(id, document);
    return true;
  }

  /**
   * Makes what was indexed durable, with the position the next start reads on from. Until then a crash loses only
   * what the next start reads again from the table.
   */
  public void commit() {
    catchingUp.lock();
    try {
      if (!uncommitted) {
        return;
      }
      writer.setLiveCommitData(Map.of(INDEXED_UP_TO, indexedUpTo.asText()).entrySet());
      writer.commit();
      uncommitted = false;
    } catch (IOException e) {
      throw new UncheckedIOException("The similarity index could not be saved", e);
    } finally {
      catchingUp.unlock();
    }
  }

  /**
   * The complaints whose texts are like the given one, leaving out the complaint itself: Lucene's "more like this"
   * for short texts, where every word counts however rare in the text or in the index (Lucene's defaults ignore
   * words seen fewer than twice in the text or in fewer than five complaints).
   */
  Query like(IndexSearcher searcher, String text, String ownTrackingNumber) throws IOException {
    var moreLikeThis = new MoreLikeThis(searcher.getIndexReader());
    moreLikeThis.setAnalyzer(analyzer);
    moreLikeThis.setFieldNames(new String[] {TEXT});
    moreLikeThis.setMinTermFreq(1);
    moreLikeThis.setMinDocFreq(1);
    moreLikeThis.setBoost(true);
    return new BooleanQuery.Builder()
        .add(moreLikeThis.like(TEXT, new StringReader(text)), Occur.MUST)
        .add(new TermQuery(new Term(TRACKING_NUMBER, ownTrackingNumber)), Occur.MUST_NOT)
        .build();
  }

  /** Runs a search on the latest view of the index. */
  <T> T search(Search<T> search) {
    try {
      IndexSearcher searcher = searchers.acquire();
      try {
        return search.on(searcher);
      } finally {
        searchers.release(searcher);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("The similarity index could not be searched", e);
    }
  }

  /** A search of the index. */
  @FunctionalInterface
  interface Search<T> {
    T on(IndexSearcher searcher) throws IOException;
  }

  @Override
  public void destroy() throws IOException {
    try {
      commit();
    } finally {
      searchers.close();
      writer.close();
    }
  }

  private static void deleteRecursively(Path directory) throws IOException {
    if (Files.exists(directory)) {
      try (Stream<Path> paths = Files.walk(directory)) {
        for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(path);
        }
      }
    }
  }
}
