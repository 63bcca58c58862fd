package com.complaintdesk.similarity;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The index of complaint texts behind similar complaints and the suggested classification.
 *
 * @param indexDirectory where this node keeps its index (each node of a cluster has its own; it is rebuilt from the
 *     complaint table when missing, so losing it loses nothing)
 * @param neighbours how many of the most similar settled complaints vote on the suggested category and department
 * @param shown how many similar complaints a form shows
 * @param catchUpInterval how often each node's index follows the complaint table besides before each suggestion
 *     (PT0S: only then, as in the tests)
 * @param freshness how old the index may be when a suggestion is made: a suggestion catches up first unless the index
 *     did within this time (PT0S: always, as in the tests). Each catch-up reads the overlap again, so under load this
 *     bounds the reads to one overlap per freshness.
 * @param catchUpOverlap how far before the last change it indexed the index reads the complaint table again, so that
 *     a change committed late with an earlier time is not missed (reading a row twice does no harm)
 */
@ConfigurationProperties("complaint-desk.similarity")
public record SimilarityProperties(
    @DefaultValue("data/similarity-index") Path indexDirectory,
    @DefaultValue("10") int neighbours,
    @DefaultValue("5") int shown,
    @DefaultValue("PT5S") Duration catchUpInterval,
    @DefaultValue("PT1S") Duration freshness,
    @DefaultValue("PT10S") Duration catchUpOverlap) {
}
