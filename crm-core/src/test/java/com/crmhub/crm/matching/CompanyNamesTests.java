package com.crmhub.crm.matching;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CompanyNamesTests {

    @Nested
    class LatinNames {

        @ParameterizedTest
        @ValueSource(strings = {"Acme Co., Ltd.", "ACME", "acme", " Acme Inc. ", "Acme Corp", "ACME Corporation",
                "Acme Limited", "Acme GmbH", "Acme Co.,Ltd", "Acme, Inc.", "Acme LLC", "Acme (Co., Ltd.)"})
        void legalFormsCaseAndPunctuationAreIgnored(String name) {
            assertThat(CompanyNames.normalize(name)).isEqualTo("acme");
        }

        @Test
        void wordsInsideTheNameAreKept() {
            assertThat(CompanyNames.normalize("Zinc Mining Ltd")).isEqualTo("zincmining");
            assertThat(CompanyNames.normalize("Costco Wholesale")).isEqualTo("costcowholesale");
            assertThat(CompanyNames.normalize("Incyte Corp")).isEqualTo("incyte");
        }

        @Test
        void differentCompaniesStayDifferent() {
            assertThat(CompanyNames.normalize("Acme Tools Ltd")).isNotEqualTo(CompanyNames.normalize("Acme Ltd"));
        }
    }

    @Nested
    class ChineseNames {

        @ParameterizedTest
        @ValueSource(strings = {"华为技术有限公司", "华为技术", "华为技术有限责任公司", "华为技术股份有限公司", "华为技术集团",
                "华为技术集团有限公司", "华为技术公司", " 华为 技术 有限公司 "})
        void legalFormSuffixesAreStripped(String name) {
            assertThat(CompanyNames.normalize(name)).isEqualTo("华为技术");
        }

        @Test
        void fullWidthCharactersAreFoldedToHalfWidth() {
            assertThat(CompanyNames.normalize("ＡＣＭＥ（中国）有限公司")).isEqualTo("acme中国");
            assertThat(CompanyNames.normalize("ＡＣＭＥ　Ｃｏ．，Ｌｔｄ．")).isEqualTo("acme");
            assertThat(CompanyNames.normalize("阿里巴巴（中国）网络技术有限公司"))
                    .isEqualTo(CompanyNames.normalize("阿里巴巴(中国)网络技术有限公司"));
        }

        @Test
        void mixedNames() {
            assertThat(CompanyNames.normalize("Acme 科技有限公司")).isEqualTo("acme科技");
        }
    }

    @Nested
    class EdgeCases {

        @Test
        void aNameThatIsOnlyALegalFormKeepsAKey() {
            assertThat(CompanyNames.normalize("Limited")).isEqualTo("limited");
            assertThat(CompanyNames.normalize("集团")).isEqualTo("集团");
        }

        @Test
        void punctuationOnlyKeepsTheTypedText() {
            assertThat(CompanyNames.normalize("!!!")).isEqualTo("!!!");
        }

        @Test
        void blankIsEmpty() {
            assertThat(CompanyNames.normalize(null)).isEmpty();
            assertThat(CompanyNames.normalize("  ")).isEmpty();
        }

        @Test
        void theKeyFitsTheColumn() {
            assertThat(CompanyNames.normalize("a".repeat(5000))).hasSize(CompanyNames.MAX_LENGTH);
        }
    }
}
