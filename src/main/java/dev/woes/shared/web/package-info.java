/**
 * How failures become HTTP answers, and the strict JSON reading every request body gets.
 */
package dev.woes.shared.web;
