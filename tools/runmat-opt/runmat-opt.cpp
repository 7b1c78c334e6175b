//===- runmat-opt.cpp - mlir-opt with the RunMat dialects and passes ------===//
#include "runmat/Pipeline/Registration.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"

int main(int argc, char **argv) {
  runmat::registerRunMatPasses();
  mlir::DialectRegistry registry;
  runmat::registerRunMatDialects(registry);
  return mlir::asMainReturnCode(mlir::MlirOptMain(
      argc, argv, "RunMat optimizer driver (runmat-opt)\n", registry));
}
