package com.complaintdesk.complaint;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * @param location the catalogue file: the jar's copy of processes/catalogue.yaml unless set, e.g.
 *     {@code file:/srv/complaint-desk/catalogue.yaml}
 */
@ConfigurationProperties("complaint-desk.catalogue")
public record CatalogueProperties(@DefaultValue(Catalogue.DEFAULT_LOCATION) Resource location) {
}
