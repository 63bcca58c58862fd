package com.complaintdesk.intake;

import com.complaintdesk.complaint.Catalogue;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks a declared type against the catalogue Spring's validator factory hands in. */
class ChoosableCategoryValidator implements ConstraintValidator<ChoosableCategory, String> {

  private final Catalogue catalogue;

  ChoosableCategoryValidator(Catalogue catalogue) {
    this.catalogue = catalogue;
  }

  @Override
  public boolean isValid(String value, ConstraintValidatorContext context) {
    if (value == null || catalogue.isChoosable(value)) {
      return true;
    }
    // A message parameter, not text joined into the template: templates are evaluated, parameters only inserted.
    context.unwrap(HibernateConstraintValidatorContext.class)
        .addMessageParameter("allowed", String.join(", ", catalogue.choosableCategoryIds()));
    return false;
  }
}
