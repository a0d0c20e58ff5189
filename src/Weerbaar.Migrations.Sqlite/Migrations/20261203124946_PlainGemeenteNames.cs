using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class PlainGemeenteNames : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql(Weerbaar.Web.Features.Gemeenten.ReferenceDataLoader.PlainNamesSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""UPDATE "Gemeenten" SET "Name" = "Name" || ' (gemeente)' WHERE "Code" IN ('GM0014', 'GM0344', 'GM0518')""");
        }
    }
}
