package com.upcoach;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import jakarta.persistence.Entity;
import org.junit.jupiter.api.Test;

import com.upcoach.platform.persistence.AuditedEntity;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.core.Violations;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ModularityTests {

	static final ApplicationModules modules = ApplicationModules.of(UpCoachApplication.class);

	static final JavaClasses mainClasses = new ClassFileImporter()
		.withImportOption(new ImportOption.DoNotIncludeTests())
		.importPackages("com.upcoach");

	@Test
	void shouldKeepEveryModuleOutOfTheOthersInternals() {
		modules.verify();
	}

	@Test
	void shouldFailTheBuildWhenAModuleReachesIntoAnothersInternals() {
		ApplicationModules violating = ApplicationModules.of("example.modularity", new ImportOption.OnlyIncludeTests());
		assertThatExceptionOfType(Violations.class).isThrownBy(violating::verify)
			.withMessageContaining("beta")
			.withMessageContaining("AlphaSecret");
	}

	@Test
	void shouldHaveThePlatformAndSharedModules() {
		assertThat(modules.getModuleByName("platform")).isPresent();
		assertThat(modules.getModuleByName("shared")).isPresent();
	}

	@Test
	void shouldAuditAndVersionEveryEntity() {
		classes().that()
			.areAnnotatedWith(Entity.class)
			.should()
			.beAssignableTo(AuditedEntity.class)
			.because("every mutable row records who changed it, when, and its optimistic-lock version")
			.check(mainClasses);
	}

	@Test
	void shouldKeepWebTypesOutOfDomainPackages() {
		noClasses().that()
			.resideInAPackage("com.upcoach..domain..")
			.should()
			.dependOnClassesThat()
			.resideInAnyPackage("org.springframework.web..", "jakarta.servlet..")
			.check(mainClasses);
	}

	@Test
	void writeDocumentation() {
		new Documenter(modules).writeDocumentation();
	}

}
