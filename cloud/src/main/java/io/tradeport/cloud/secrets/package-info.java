/**
 * Encryption at rest for secrets the application must read back (signing keys, platform credentials):
 * AES-256-GCM with a key from configuration, and previous keys for rotation.
 */
@NullMarked
package io.tradeport.cloud.secrets;

import org.jspecify.annotations.NullMarked;
