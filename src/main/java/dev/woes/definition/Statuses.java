package dev.woes.definition;

/**
 * The status labels of every workspace; each method sees one workspace only.
 */
public interface Statuses extends OrderedDefinitions<StatusDefinition> {

}
