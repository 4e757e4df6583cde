#!/usr/bin/env bash
# Adds migration NAME for every provider (SQLite, PostgreSQL, SQL Server) and regenerates docs/sql/sqlserver.sql,
# the reviewed SQL Server script (docs/adr/0026, docs/adr/0027). Usage: add-migration.sh NAME
# Provider SQL (triggers, indexes the model cannot express) is then added by hand to each new migration, as text.
set -euo pipefail
name=${1:?usage: add-migration.sh NAME}
cd "$(dirname "$0")/../../.."
# The migrations live in the data project; dotnet ef runs them through the web project (it holds EF Core.Design).
project=src/DisclosurePortal.Data
startup=src/DisclosurePortal.Web
dotnet tool restore
dotnet build "$startup"
for pair in Sqlite:SqlitePortalDbContext PostgreSQL:PostgresPortalDbContext SqlServer:SqlServerPortalDbContext; do
    dotnet ef migrations add "$name" --no-build --project "$project" --startup-project "$startup" --context "${pair#*:}" --output-dir "Migrations/${pair%%:*}"
done
dotnet build "$startup"
dotnet ef migrations script --idempotent --no-build --project "$project" --startup-project "$startup" --context SqlServerPortalDbContext -o docs/sql/sqlserver.sql
echo "Added $name for SQLite, PostgreSQL and SQL Server; review docs/sql/sqlserver.sql and run tests/run.sh."
