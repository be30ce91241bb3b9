#include "directory/postcodes.h"

#include <gtest/gtest.h>

namespace cradle::directory {
namespace {

const std::string kDir = std::string(CRADLE_TESTDATA_DIR) + "/directory/";

TEST(Postcodes, NormalFormIsUpperCaseWithOneSpace) {
  EXPECT_EQ(NormalisePostcode("le15ww"), "LE1 5WW");
  EXPECT_EQ(NormalisePostcode(" LE1  5WW "), "LE1 5WW");
  EXPECT_EQ(NormalisePostcode("le187aa"), "LE18 7AA");
  EXPECT_EQ(NormalisePostcode("EC1A 1BB"), "EC1A 1BB");
  EXPECT_FALSE(NormalisePostcode("LE1"));
  EXPECT_FALSE(NormalisePostcode("LE1 5W1"));
  EXPECT_FALSE(NormalisePostcode("LE1-5WW"));
  EXPECT_FALSE(NormalisePostcode("1E1 5WW"));
}

TEST(Postcodes, ReadsTheOnsShapeAndSkipsRowsWithoutCoordinates) {
  auto centroids = ReadPostcodeCsv(kDir + "postcodes.csv");
  ASSERT_TRUE(centroids.ok()) << centroids.status().message();
  ASSERT_EQ(centroids->size(), 3u);
  EXPECT_EQ((*centroids)[1].postcode, "LE2 2BB");
  EXPECT_DOUBLE_EQ((*centroids)[1].latitude, 52.618);
  EXPECT_DOUBLE_EQ((*centroids)[1].longitude, -1.12);
}

TEST(Postcodes, EveryBadRowIsNamed) {
  auto centroids = ReadPostcodeCsv(kDir + "postcodes_bad.csv");
  ASSERT_FALSE(centroids.ok());
  EXPECT_EQ(centroids.status().code(), StatusCode::kInvalidData);
  const std::string file = kDir + "postcodes_bad.csv";
  EXPECT_EQ(centroids.status().message(),
            file + " row 3, pcds: 'NOT A CODE' is not a postcode\n" + file +
                " row 4, lat: 'north' is not a latitude from -90 to 90\n" + file +
                " row 5, long: '-200' is not a longitude from -180 to 180");
}

TEST(Postcodes, AFileWithoutPcdsIsRefused) {
  auto centroids = ReadPostcodeCsv(kDir + "README.md");
  EXPECT_FALSE(centroids.ok());
}

}  // namespace
}  // namespace cradle::directory
