/**
 * Outgoing mail: SMTP when {@code spring.mail.host} is configured, otherwise (embedded default only) a development
 * mailbox that stores every mail, lists it at {@code /dev/mailbox} and logs it to the console.
 */
@NullMarked
package io.tradeport.cloud.mail;

import org.jspecify.annotations.NullMarked;
