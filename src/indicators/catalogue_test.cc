#include "indicators/catalogue.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

namespace cradle::indicators {
namespace {

TEST(CatalogueTest, BundledCatalogueLoads) {
  auto catalogue = Catalogue::Load(DefaultCataloguePath());
  ASSERT_TRUE(catalogue.ok()) << catalogue.status().ToString();
  EXPECT_EQ(catalogue->indicators().size(), 7u);
  auto imr = catalogue->Find("92196");
  ASSERT_TRUE(imr.ok());
  EXPECT_EQ((*imr)->id, "infant-mortality");
  EXPECT_EQ((*imr)->multiplier, 1000);
  EXPECT_EQ((*imr)->polarity, stats::Polarity::kLowIsGood);
  EXPECT_EQ((*imr)->ExportId(), "92196");
  EXPECT_EQ(catalogue->Find("neonatal-mortality").value()->ExportId(), "neonatal-mortality");
  EXPECT_EQ(catalogue->disclosure_min_count(), 5);
  ASSERT_EQ(catalogue->disclosure_families().size(), 1u);
}

TEST(CatalogueTest, UnknownIdSuggestsTheNearest) {
  auto catalogue = Catalogue::Load(DefaultCataloguePath());
  ASSERT_TRUE(catalogue.ok());
  auto missing = catalogue->Find("infant-mortalty");
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.status().code(), StatusCode::kNotFound);
  EXPECT_EQ(missing.status().message().substr(0, 57),
            "no indicator 'infant-mortalty'. Nearest: infant-mortality");
}

TEST(CatalogueTest, MalformedEntriesNameFileIndicatorAndField) {
  auto path = std::filesystem::temp_directory_path() / "cradle_bad_catalogue.json";
  std::ofstream(path) << R"({"defaults": {"comparator_area": "E92000001"},
    "indicators": [{"id": "x", "name": "X", "definition": "d", "numerator": ["a"],
    "denominator": ["b"], "multiplier": 0, "unit": "%", "value_type": "proportion",
    "polarity": "BOB", "pooling": [1], "sources": ["s"]}]})";
  auto catalogue = Catalogue::Load(path.string());
  ASSERT_FALSE(catalogue.ok());
  EXPECT_EQ(catalogue.status().message(),
            path.string() + ": indicator 'x', field 'multiplier': must be greater than zero");
  std::ofstream(path) << "{not json";
  EXPECT_EQ(Catalogue::Load(path.string()).status().code(), StatusCode::kInvalidData);
}

}  // namespace
}  // namespace cradle::indicators
