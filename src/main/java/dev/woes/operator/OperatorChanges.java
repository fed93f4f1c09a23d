package dev.woes.operator;

/**
 * What a caller wants changed on an operator; a null member leaves that field as it is.
 */
public record OperatorChanges(String name, String email, String role, String status) {

}
