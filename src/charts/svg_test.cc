// Tests of the shared pieces: escaping, number text, nice scales, palette
// contrast, and the test-only XML checker itself (so a broken checker cannot
// make every chart test pass).
#include "charts/svg.h"

#include <gtest/gtest.h>

#include "charts/axis.h"
#include "charts/palette.h"
#include "charts/svg_check.h"

namespace cradle::charts {
namespace {

TEST(SvgTest, EscapesMarkupCharacters) {
  EXPECT_EQ(XmlEscape(R"(<a & "b" 'c'>)"), "&lt;a &amp; &quot;b&quot; &apos;c&apos;&gt;");
}

TEST(SvgTest, ExactNumberRoundTrips) {
  EXPECT_EQ(ExactNumber(7.2), "7.2");
  EXPECT_EQ(ExactNumber(0.1 + 0.2), "0.30000000000000004");
  EXPECT_EQ(ExactNumber(4376), "4376");
  EXPECT_EQ(ExactNumber(-3.5), "-3.5");
}

TEST(SvgTest, FormatNumberRoundsHalfAwayAndGroupsThousands) {
  EXPECT_EQ(FormatNumber(7.25, 1), "7.3");
  EXPECT_EQ(FormatNumber(2.675, 2), "2.68");
  EXPECT_EQ(FormatNumber(-0.04, 1), "0.0");
  EXPECT_EQ(FormatNumber(-1.25, 1), "-1.3");
  EXPECT_EQ(FormatNumber(4376, 0), "4376");
  EXPECT_EQ(FormatNumber(595948, 0), "595,948");
  EXPECT_EQ(FormatValueWithInterval(7.2, 5.8, 8.8, 1), "7.2 (5.8 \u2013 8.8)");
  EXPECT_EQ(FormatValueWithInterval(7.2, std::nullopt, 8.8, 1), "7.2");
}

TEST(SvgTest, PxDropsTrailingZeros) {
  EXPECT_EQ(Px(12.0), "12");
  EXPECT_EQ(Px(12.345), "12.35");
  EXPECT_EQ(Px(-0.001), "0");
}

TEST(SvgTest, SafeIdKeepsIdCharacters) {
  EXPECT_EQ(SafeId("imr-trend_1"), "imr-trend_1");
  EXPECT_EQ(SafeId("a b<\"c"), "abc");
  EXPECT_EQ(SafeId(""), "chart");
  EXPECT_EQ(SafeId("1st"), "chart1st");
}

TEST(AxisTest, NiceScalesUseOneTwoFiveSteps) {
  NiceScale s = MakeNiceScale(3.1, 8.8, 6, /*include_zero=*/true);
  EXPECT_EQ(s.min, 0);
  EXPECT_EQ(s.max, 10);
  EXPECT_EQ(s.step, 2);
  EXPECT_EQ(s.ticks, (std::vector<double>{0, 2, 4, 6, 8, 10}));
  EXPECT_EQ(s.decimals, 0);

  s = MakeNiceScale(0.12, 0.47, 6);
  EXPECT_DOUBLE_EQ(s.step, 0.1);
  EXPECT_EQ(s.ticks, (std::vector<double>{0.1, 0.2, 0.3, 0.4, 0.5}));
  EXPECT_EQ(s.decimals, 1);

  s = MakeNiceScale(1000, 62000, 5);
  EXPECT_EQ(s.step, 20000);
  EXPECT_EQ(s.min, 0);
  EXPECT_EQ(s.max, 80000);
}

TEST(AxisTest, DegenerateRangesStillHaveTicks) {
  NiceScale s = MakeNiceScale(5, 5);
  EXPECT_LT(s.min, 5);
  EXPECT_GT(s.max, 5);
  EXPECT_GE(s.ticks.size(), 2u);
  s = MakeNiceScale(0, 0, 6, true);
  EXPECT_EQ(s.min, 0);
  EXPECT_GT(s.max, 0);
  s = MakeNiceScale(9, 2);  // swapped
  EXPECT_LE(s.min, 2);
  EXPECT_GE(s.max, 9);
}

TEST(PaletteTest, FingertipsComparisonColoursAndLabels) {
  EXPECT_EQ(ComparisonFill(Comparison::kBetter), "#00703c");
  EXPECT_EQ(ComparisonFill(Comparison::kSimilar), "#ffdd00");
  EXPECT_EQ(ComparisonFill(Comparison::kWorse), "#d4351c");
  EXPECT_EQ(ComparisonFill(Comparison::kLower), "#5694ca");
  EXPECT_EQ(ComparisonFill(Comparison::kHigher), "#003078");
  EXPECT_EQ(ComparisonLabel(Comparison::kNotCompared), "Not compared");
}

TEST(PaletteTest, EveryComparisonHasItsOwnShape) {
  for (Comparison a : kAllComparisons) {
    for (Comparison b : kAllComparisons) {
      if (a != b) {
        EXPECT_NE(ComparisonMarker(a), ComparisonMarker(b)) << ComparisonLabel(a);
      }
    }
  }
}

TEST(PaletteTest, TextOnEveryFillMeetsContrastMinimum) {
  for (Comparison c : kAllComparisons) {
    std::string_view fill = ComparisonFill(c);
    EXPECT_GE(ContrastRatio(fill, TextColourOn(fill)), 4.5) << fill;
  }
  for (int count = 1; count <= 7; ++count) {
    for (int idx = 0; idx < count; ++idx) {
      std::string_view fill = SequentialFill(idx, count);
      EXPECT_GE(ContrastRatio(fill, TextColourOn(fill)), 4.5) << fill;
    }
  }
  EXPECT_GE(ContrastRatio(kSecondaryText, "#ffffff"), 4.5);
  EXPECT_NEAR(ContrastRatio("#000000", "#ffffff"), 21.0, 1e-9);
}

TEST(PaletteTest, SequentialRampGetsDarker) {
  for (int idx = 1; idx < 5; ++idx) {
    EXPECT_GT(ContrastRatio(SequentialFill(idx, 5), "#ffffff"),
              ContrastRatio(SequentialFill(idx - 1, 5), "#ffffff"));
  }
}

TEST(SvgCheckTest, RejectsMalformedAndStyledDocuments) {
  using testing::ParseXml;
  EXPECT_TRUE(ParseXml("<a><b x=\"1\"/>t &amp; u</a>").ok);
  EXPECT_FALSE(ParseXml("<a><b></a>").ok);
  EXPECT_FALSE(ParseXml("<a x=1></a>").ok);
  EXPECT_FALSE(ParseXml("<a>x & y</a>").ok);
  EXPECT_FALSE(ParseXml("<a x=\"<\"></a>").ok);
  EXPECT_FALSE(ParseXml("<a></a><b></b>").ok);
  EXPECT_FALSE(ParseXml("<a>").ok);
  auto broken = testing::BrokenChartRules(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" style=\"x\"><rect class=\"cradle-bar\"/></svg>");
  EXPECT_GE(broken.size(), 4u);
}

TEST(SvgWriterTest, WritesAStandaloneAccessibleDocument) {
  SvgWriter svg("my id", 100, 50, "A & B", "<desc>");
  svg.WithTooltip("circle", {{"class", "cradle-point"}, {"data-value", "1"}}, "x \"1\"");
  std::string out = svg.Finish();
  EXPECT_TRUE(testing::BrokenChartRules(out).empty());
  auto doc = testing::ParseXml(out);
  ASSERT_TRUE(doc.ok) << doc.error;
  EXPECT_EQ(doc.elements[0].attrs.at("aria-labelledby"), "myid-title myid-desc");
  EXPECT_EQ(doc.elements[1].text, "A & B");
  EXPECT_EQ(doc.elements[2].text, "<desc>");
  EXPECT_EQ(testing::TitleOf(doc, *testing::ByClass(doc, "cradle-point")[0]), "x \"1\"");
}

}  // namespace
}  // namespace cradle::charts
