package dev.woes.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A text field's length in characters (Unicode code points, as JSON Schema counts them,
 * so an emoji is one character). With {@code min >= 1} a blank text is refused as well. A
 * null value is left to {@code @NotNull}.
 */
@Documented
@Target({ ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT })
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = TextLength.Validator.class)
public @interface TextLength {

	int min() default 0;

	int max();

	String message() default "has the wrong length";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks {@link TextLength} and words the failure the way the API reports it.
	 */
	class Validator implements ConstraintValidator<TextLength, String> {

		private int min;

		private int max;

		@Override
		public void initialize(TextLength annotation) {
			this.min = annotation.min();
			this.max = annotation.max();
		}

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			int length = value.codePointCount(0, value.length());
			String problem = null;
			if (!Texts.isStorable(value)) {
				problem = Texts.NOT_STORABLE;
			}
			else if (length < this.min || length > this.max) {
				problem = (this.min > 0) ? "must be " + this.min + "-" + this.max + " characters"
						: "must be at most " + this.max + " characters";
			}
			else if (this.min > 0 && value.isBlank()) {
				problem = "must not be blank";
			}
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(problem).addConstraintViolation();
			return false;
		}

	}

}
