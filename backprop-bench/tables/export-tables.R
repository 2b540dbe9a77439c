# Exports the real mixed-type tables of the tabular benchmark as CSV files (strings, NA and all),
# exactly as a user would: write.csv(..., row.names = FALSE). Usage: Rscript export-tables.R DIR
args <- commandArgs(trailingOnly = TRUE)
dir <- if (length(args) >= 1) args[1] else "."
dir.create(dir, showWarnings = FALSE, recursive = TRUE)
suppressPackageStartupMessages({ library(ggplot2); library(modeldata) })
out <- function(df, name) write.csv(as.data.frame(df), file.path(dir, paste0(name, ".csv")), row.names = FALSE)
out(ggplot2::mpg, "mpg")
out(ggplot2::msleep, "msleep")
out(datasets::airquality, "airquality")
data(attrition, package = "modeldata"); out(attrition, "attrition")
data(car_prices, package = "modeldata"); out(car_prices, "car_prices")
data(stackoverflow, package = "modeldata"); out(stackoverflow, "stackoverflow")
data(hpc_data, package = "modeldata"); out(hpc_data, "hpc_data")
