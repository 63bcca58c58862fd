package com.complaintdesk.complaint;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

/** The catalogue, read once at start: a designer's change takes effect with the next start. */
@Configuration(proxyBeanMethods = false)
class CatalogueConfiguration {

  @Bean
  Catalogue catalogue(CatalogueProperties properties) {
    Resource location = properties.location();
    String source = nameOf(location);
    if (!location.exists()) {
      throw new CatalogueInvalid(source, "there is no such file (complaint-desk.catalogue.location)", null);
    }
    try (InputStream in = location.getInputStream()) {
      return Catalogue.read(in, source);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the catalogue " + source, e);
    }
  }

  /** The file as a designer knows it, for messages: a path, or the classpath location. */
  private static String nameOf(Resource location) {
    if (location instanceof ClassPathResource classPath) {
      return "classpath:" + classPath.getPath();
    }
    try {
      return location.isFile() ? location.getFile().getPath() : location.getDescription();
    } catch (IOException e) {
      return location.getDescription();
    }
  }
}
