package com.crmhub.system;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The module map of docs/ARCHITECTURE.md, checked: dependencies point one way, and the house style holds. */
@AnalyzeClasses(packages = "com.crmhub", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTests {

    @ArchTest
    static final ArchRule canonicalModelIsFrameworkFreeAndDependsOnNothingOfOurs = classes()
            .that().resideInAPackage("com.crmhub.canonical..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("com.crmhub.canonical..", "java..");

    @ArchTest
    static final ArchRule crmCoreKnowsNoRoutesConnectorsOrAssembly = noClasses()
            .that().resideInAPackage("com.crmhub.crm..")
            .should().dependOnClassesThat().resideInAnyPackage("com.crmhub.routes..", "com.crmhub.connectors..",
                    "com.crmhub.config..", "org.apache.camel..");

    @ArchTest
    static final ArchRule connectorsKnowOnlyTheCanonicalModel = noClasses()
            .that().resideInAPackage("com.crmhub.connectors..")
            .should().dependOnClassesThat().resideInAnyPackage("com.crmhub.crm..", "com.crmhub.routes..",
                    "com.crmhub.config..")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule routesDoNotDependOnTheAssembly = noClasses()
            .that().resideInAPackage("com.crmhub.routes..")
            .should().dependOnClassesThat().resideInAPackage("com.crmhub.config..");

    @ArchTest
    static final ArchRule noFieldInjection = noFields()
            .should().beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
            .because("dependencies are constructor-injected into final fields");

    @ArchTest
    static final ArchRule routeBuildersAreNamedForTheirFlow = classes()
            .that().areAssignableTo(org.apache.camel.builder.RouteBuilder.class)
            .and().areNotAssignableTo(org.apache.camel.builder.RouteConfigurationBuilder.class)
            .should().haveSimpleNameEndingWith("Route")
            .allowEmptyShould(true);

    @ArchTest
    static final ArchRule sharedErrorHandlingIsARouteConfiguration = classes()
            .that().areAssignableTo(org.apache.camel.builder.RouteConfigurationBuilder.class)
            .should().haveSimpleNameEndingWith("RouteConfiguration")
            .allowEmptyShould(true);
}
