#include "workspace/synthetic_leicester.h"

#include <unistd.h>

#include <filesystem>

#include "base/strings.h"
#include "imports/importer.h"
#include "imports/review_import.h"
#include "opendata/bundled.h"
#include "records/record_types.h"
#include "synth/calibration.h"
#include "synth/generator.h"
#include "synth/writer.h"
#include "workspace/session.h"

namespace cradle::workspace {

Result<std::vector<SyntheticLoad>> LoadSyntheticLeicester(store::Store& store, uint64_t seed) {
  int64_t real = 0;
  CRADLE_RETURN_IF_ERROR(store.ForEachBirth(
      [&](const records::BirthRecord& birth) { real += !records::IsSyntheticId(birth.birth_id); }));
  if (real > 0) {
    return Status::InvalidArgument("the store holds " + WithThousands(real) +
                                   (real == 1 ? " real birth record" : " real birth records") +
                                   "; synthetic records would mix with them: use another --db");
  }
  CRADLE_ASSIGN_OR_RETURN(
      synth::Calibration calibration,
      synth::LoadCalibration(synth::kLeicesterCode, opendata::DefaultDataDir()));
  CRADLE_ASSIGN_OR_RETURN(synth::SyntheticData data,
                          synth::GenerateSyntheticData(calibration, {{2015, 2024}, seed}));
  // A folder of this process's own, so two processes never share one.
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("cradle-synthetic-" + std::to_string(::getpid()));
  CRADLE_RETURN_IF_ERROR(synth::WriteSyntheticData(data, dir.string()));
  std::vector<SyntheticLoad> loads;
  Status status = Status::Ok();
  for (auto [kind, file] : {std::pair{records::RecordKind::kBirths, synth::kBirthsFile},
                            std::pair{records::RecordKind::kDeaths, synth::kDeathsFile},
                            std::pair{records::RecordKind::kBookings, synth::kBookingsFile}}) {
    imports::ImportOptions options;
    options.today = Today();
    auto report = imports::ImportFile(store, kind, (dir / file).string(), options);
    if (!report.ok()) {
      status = report.status();
      break;
    }
    loads.push_back({std::string(file), report->counts.inserted});
  }
  if (status.ok()) {
    auto reviews = imports::ImportReviews(store, (dir / synth::kReviewsFile).string(), Today());
    if (reviews.ok()) {
      loads.push_back({std::string(synth::kReviewsFile), reviews->counts.inserted});
    } else {
      status = reviews.status();
    }
  }
  std::error_code ignored;
  std::filesystem::remove_all(dir, ignored);
  if (!status.ok()) return status;
  return loads;
}

Result<bool> HoldsNoBirths(store::Store& store) {
  CRADLE_ASSIGN_OR_RETURN(int64_t births, store.CountRecords(records::RecordKind::kBirths));
  return births == 0;
}

}  // namespace cradle::workspace
