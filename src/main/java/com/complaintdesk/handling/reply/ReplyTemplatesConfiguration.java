package com.complaintdesk.handling.reply;

import com.complaintdesk.complaint.Catalogue;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.ResourcePatternResolver;

/**
 * The reply templates, read once at start like the catalogue whose categories name them: a manager's change takes
 * effect with the next start, and a broken one stops the start instead of a handler's task.
 */
@Configuration(proxyBeanMethods = false)
class ReplyTemplatesConfiguration {

  @Bean
  ReplyTemplates replyTemplates(ReplyTemplatesProperties properties, Catalogue catalogue,
      ResourcePatternResolver resources) {
    String folder = properties.folder();
    List<ReplyTemplateReader.Source> sources = new ArrayList<>();
    try {
      for (ReplyStage stage : ReplyStage.values()) {
        for (Resource file : resources.getResources(folder + stage.folder() + "/*.txt")) {
          sources.add(new ReplyTemplateReader.Source(stage.folder(), file.getFilename(),
              file.getContentAsString(StandardCharsets.UTF_8).replace("\r\n", "\n")));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the reply templates under " + folder
          + " (complaint-desk.replies.location)", e);
    }
    return ReplyTemplates.read(sources, catalogue.categoryIds(), folder);
  }
}
