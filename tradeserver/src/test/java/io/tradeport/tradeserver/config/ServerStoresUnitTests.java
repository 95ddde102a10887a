package io.tradeport.tradeserver.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import com.google.protobuf.Int32Value;
import com.google.protobuf.StringValue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerStoresUnitTests {

	private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

	@TempDir
	Path directory;

	@Test
	void everyStoreReadsBackWhatItWroteAfterReopening() {
		ServerStores stores = ServerStores.open(directory);
		assertThat(stores.isNew()).isTrue();
		stores.config().managers().put(-1, ServerConfig.administrator(5, "Root", "Secret12"));
		stores.users().put(UserDetails.named(1001, "Ann", "ann@example.com", "Passw0rd", NOW)
			.withInvestorPasswordHash(Passwords.hash("Invest12"), NOW));
		stores.mailbox().send(NOW, 5, "Root", "Hi", "Body", List.of(1001));
		stores.news().publish(NOW, "Topic", "Cat", "kw", true, "News body");
		ConfigList<StringValue> names = stores.list("names", StringValue::getValue,
				Codec.proto(StringValue.parser()), List.of());
		names.put(-1, StringValue.of("a"));
		names.put(-1, StringValue.of("b"));
		names.shift(1, -1);
		ConfigValue<Int32Value> value = stores.value("number",
				Codec.proto(Int32Value.parser()), Int32Value.of(1));
		value.set(Int32Value.of(42));
		stores.seeded();

		ServerStores reopened = ServerStores.open(directory);
		assertThat(reopened.isNew()).isFalse();
		assertThat(reopened.config().authenticate(5, "Secret12")).isPresent();
		assertThat(reopened.users().check(1001, "Passw0rd")).isEqualTo(UserDirectory.PasswordMatch.MASTER);
		assertThat(reopened.users().check(1001, "Invest12")).isEqualTo(UserDirectory.PasswordMatch.INVESTOR);
		assertThat(reopened.users().get(1001).orElseThrow()).isEqualTo(stores.users().get(1001).orElseThrow());
		assertThat(reopened.mailbox().read(0)).isEqualTo(stores.mailbox().read(0));
		assertThat(reopened.news().all()).isEqualTo(stores.news().all());
		assertThat(reopened.value("number", Codec.proto(Int32Value.parser()),
				Int32Value.of(1)).get().getValue()).isEqualTo(42);
		assertThat(reopened.list("names", StringValue::getValue,
				Codec.proto(StringValue.parser()), List.of()).all())
			.extracting(StringValue::getValue).containsExactly("b", "a");
		assertThat(reopened.config().plugins().all()).isEqualTo(ServerConfig.builtInPlugins());
	}

	@Test
	void backupsBeyondTheKeptNumberAreDeletedFromDiskAndNumberingContinues() {
		Backups<StringValue> backups = ServerStores.open(directory)
			.backups("users", 2, Codec.proto(StringValue.parser()));
		for (int i = 0; i < 3; i++) {
			backups.take(NOW.plusSeconds(i), List.of(StringValue.of("r" + i)), 3);
		}
		Backups<StringValue> reopened = ServerStores.open(directory)
			.backups("users", 2, Codec.proto(StringValue.parser()));
		assertThat(reopened.list()).isEqualTo(backups.list()).hasSize(2);
		assertThat(directory.resolve("backups")).isDirectoryNotContaining("glob:**-1.bak");
		assertThat(reopened.take(NOW, List.of(), 0).file()).endsWith("-4.bak");
	}

	@Test
	void aChangeThatCannotBeWrittenIsRefusedAndLeavesTheStoreAsItWas() throws Exception {
		ServerStores stores = ServerStores.open(directory);
		ConfigList<ManagerAccount> managers = stores.config().managers();
		managers.put(-1, ServerConfig.administrator(1, "Admin", "Secret12"));
		// A directory where the temporary file must go: the write fails.
		Files.createDirectory(directory.resolve("managers.section.tmp"));
		assertThatThrownBy(() -> managers.put(-1, ServerConfig.administrator(2, "Second", "Secret12")))
			.isInstanceOf(UncheckedIOException.class);
		assertThat(managers.all()).extracting(ManagerAccount::login).containsExactly(1);
	}

	@Test
	void aDamagedFileStopsTheStartInsteadOfLoadingWrongData() throws Exception {
		ServerStores.open(directory).config().managers().put(-1, ServerConfig.administrator(1, "Admin", "Secret12"));
		Path file = directory.resolve("managers.section");
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length - 3] ^= 0x55;
		Files.write(file, bytes);
		assertThatThrownBy(() -> ServerStores.open(directory)).isInstanceOf(UncheckedIOException.class)
			.hasStackTraceContaining("checksum");
	}

	@Test
	void aTemporaryFileLeftByACrashIsIgnored() throws Exception {
		ServerStores.open(directory).mailbox().send(NOW, 1, "Admin", "Kept", "", List.of(1001));
		Files.write(directory.resolve("mail").resolve("2.mail.tmp"), new byte[] { 1, 2, 3 });
		Mailbox mailbox = ServerStores.open(directory).mailbox();
		assertThat(mailbox.read(0)).extracting(Mailbox.Mail::subject).containsExactly("Kept");
		assertThat(mailbox.send(NOW, 1, "Admin", "Next", "", List.of(1001)).id()).isEqualTo(2);
		assertThat(ServerStores.open(directory).mailbox().read(0)).hasSize(2);
	}
}
