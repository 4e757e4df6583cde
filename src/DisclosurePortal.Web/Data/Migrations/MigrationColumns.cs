using Microsoft.EntityFrameworkCore.Migrations.Operations;
using Microsoft.EntityFrameworkCore.Migrations.Operations.Builders;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

namespace DisclosurePortal.Web.Data.Migrations;

/// <summary>Column shapes shared by the hand-written migrations.</summary>
internal static class MigrationColumns
{
    /// <summary>An identity key column, annotated for each provider (SQLite AUTOINCREMENT, PostgreSQL identity).</summary>
    public static OperationBuilder<AddColumnOperation> IdentityKey<T>(this ColumnsBuilder table) =>
        table.Column<T>(nullable: false)
            .Annotation("Sqlite:Autoincrement", true)
            .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn);
}
