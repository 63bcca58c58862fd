package com.complaintdesk.config;

import com.complaintdesk.complaint.ComplaintNotFound;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The public pages answer an unknown complaint or a wrong link with a page, not with JSON. */
@ControllerAdvice(annotations = PublicPage.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class PublicPageErrors {

  @ExceptionHandler(ComplaintNotFound.class)
  @ResponseStatus(HttpStatus.NOT_FOUND)
  String notFound() {
    return "not-found";
  }
}
