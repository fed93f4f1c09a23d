/**
 * The Issues API: issues, their linked conversations, private notes and external tracker
 * links; routes, request and response shapes.
 */
package dev.woes.issue.web;
