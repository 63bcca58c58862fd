package com.complaintdesk.config;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language switch of the public pages links to the same page in the other language, keeping its query
 * (the status page needs its token). A form shown again after a POST switches on the empty form.
 */
@ControllerAdvice(annotations = PublicPage.class)
class LanguageSwitch {

  record Link(String url, String language) {
  }

  @ModelAttribute("languageSwitch")
  Link languageSwitch(HttpServletRequest request, Locale locale) {
    String other = "zh".equals(locale.getLanguage()) ? "en" : "zh-CN";
    var page = "GET".equals(request.getMethod())
        ? UriComponentsBuilder.fromPath(request.getRequestURI()).query(request.getQueryString())
        : UriComponentsBuilder.fromPath(request.getContextPath() + "/complaints/new");
    return new Link(page.replaceQueryParam("lang", other).build().toUriString(), other);
  }
}
