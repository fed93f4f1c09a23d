/**
 * The few things every module shares: the error vocabulary, timestamps, ids and list
 * paging.
 */
package dev.woes.shared;
