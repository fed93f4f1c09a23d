package dev.woes.definition;

/**
 * The priority definitions of every workspace; each method sees one workspace only.
 */
public interface Priorities extends OrderedDefinitions<PriorityDefinition> {

}
