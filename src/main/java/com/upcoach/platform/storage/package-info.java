/**
 * Binary object storage (avatars, audio, media) behind one interface; the embedded
 * default keeps files under {@code ./data/files}.
 */
@org.springframework.modulith.NamedInterface("storage")
package com.upcoach.platform.storage;
