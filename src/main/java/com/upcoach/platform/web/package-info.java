/**
 * Request plumbing: correlation ids and the start-up summary.
 */
package com.upcoach.platform.web;
