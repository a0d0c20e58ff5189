using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Postgres.Migrations
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
                    BuurtCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Latitude = table.Column<double>(type: "double precision", nullable: false),
                    Longitude = table.Column<double>(type: "double precision", nullable: false),
                    MatchedOn = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuurtPoints", x => x.BuurtCode);
                });

            migrationBuilder.CreateTable(
                name: "CoverageSettings",
                columns: table => new
                {
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    NormDistanceMeters = table.Column<int>(type: "integer", nullable: false),
                    DetourFactor = table.Column<double>(type: "double precision", nullable: false),
                    ResidentsPerPoint = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
