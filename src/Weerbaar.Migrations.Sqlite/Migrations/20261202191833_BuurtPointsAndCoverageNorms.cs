using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class BuurtPointsAndCoverageNorms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BuurtPoints",
                columns: table => new
                {
                    BuurtCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Latitude = table.Column<double>(type: "REAL", nullable: false),
                    Longitude = table.Column<double>(type: "REAL", nullable: false),
                    MatchedOn = table.Column<string>(type: "TEXT", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuurtPoints", x => x.BuurtCode);
                });

            migrationBuilder.CreateTable(
                name: "CoverageSettings",
                columns: table => new
                {
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    NormDistanceMeters = table.Column<int>(type: "INTEGER", nullable: false),
                    DetourFactor = table.Column<double>(type: "REAL", nullable: false),
                    ResidentsPerPoint = table.Column<int>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CoverageSettings", x => x.GemeenteCode);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BuurtPoints");

            migrationBuilder.DropTable(
                name: "CoverageSettings");
        }
    }
}
