/**
 * The presence REST endpoint, {@code GET /api/v1/presence}.
 */
package com.upcoach.platform.realtime.web;
