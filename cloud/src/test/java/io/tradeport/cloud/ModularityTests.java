package io.tradeport.cloud;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static org.assertj.core.api.Assertions.assertThat;

class ModularityTests {

	private static final Path GENERATED = Path.of("target/modules");
	private static final Path COMMITTED = Path.of("../docs/modules");

	private final ApplicationModules modules = ApplicationModules.of(Tradeport.class);

	@Test
	void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
		modules.verify();
	}

	/**
	 * docs/modules is generated, never edited. Spring Modulith writes relations in a varying order, so the check
	 * compares lines regardless of order. Refresh with {@code ./mvnw -pl cloud test -Dtest=ModularityTests -Dtradeport.update-docs=true}.
	 */
	@Test
	void theCommittedModuleDocumentationIsCurrent() throws IOException {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		try (var files = Files.list(GENERATED)) {
			for (var generated : files.toList()) {
				var committed = COMMITTED.resolve(generated.getFileName());
				if (Boolean.getBoolean("tradeport.update-docs")) {
					Files.createDirectories(COMMITTED);
					Files.copy(generated, committed, StandardCopyOption.REPLACE_EXISTING);
					continue;
				}
				assertThat(committed).as("docs/modules lacks %s; refresh it (see this test's Javadoc)", generated.getFileName()).exists();
				assertThat(sortedLines(committed)).as("docs/modules/%s is out of date; refresh it (see this test's Javadoc)",
						generated.getFileName()).isEqualTo(sortedLines(generated));
			}
		}
	}

	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().map(String::strip).sorted().toList();
	}
}
