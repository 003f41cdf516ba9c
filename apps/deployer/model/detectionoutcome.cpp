#include "detectionoutcome.h"
// DetectionOutcome is a plain value; this file keeps the one-pair-per-type layout.
