/**
 * Assignment: which operator and which team own a conversation.
 */
package dev.woes.assignment;
