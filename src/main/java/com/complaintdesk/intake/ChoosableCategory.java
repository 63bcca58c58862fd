package com.complaintdesk.intake;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A category complainants may choose as their declared type (processes/catalogue.yaml, {@code choosable: true}),
 * or nothing. The message may use {@code {allowed}}, the catalogue's choosable ids.
 */
@Target({ElementType.FIELD, ElementType.RECORD_COMPONENT, ElementType.PARAMETER})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = ChoosableCategoryValidator.class)
@interface ChoosableCategory {

  String message() default "must be one of {allowed}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
