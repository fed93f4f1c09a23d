/**
 * The change feed and the real-time stream: how clients read the event log over HTTP. One
 * database listener per node, one feed reader per streamed workspace per node, and a
 * bounded queue per open stream.
 */
package dev.woes.feed;
