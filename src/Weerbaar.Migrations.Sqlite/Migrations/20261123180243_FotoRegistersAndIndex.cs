using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class FotoRegistersAndIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "BuurtGeometries",
                columns: table => new
                {
                    BuurtCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    GeoJson = table.Column<string>(type: "TEXT", nullable: false),
                    CentroidLatitude = table.Column<double>(type: "REAL", nullable: false),
                    CentroidLongitude = table.Column<double>(type: "REAL", nullable: false),
                    LoadedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BuurtGeometries", x => x.BuurtCode);
                    table.ForeignKey(
                        name: "FK_BuurtGeometries_Buurten_BuurtCode",
                        column: x => x.BuurtCode,
                        principalTable: "Buurten",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Noodsteunpunten",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    BuurtCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    Capacity = table.Column<int>(type: "INTEGER", nullable: true),
                    HasBackupPower = table.Column<bool>(type: "INTEGER", nullable: false),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Noodsteunpunten", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelfRelianceAssumptions",
                columns: table => new
                {
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Values = table.Column<string>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfRelianceAssumptions", x => x.GemeenteCode);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityIndicatorSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "TEXT", nullable: false),
                    IsActive = table.Column<bool>(type: "INTEGER", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityIndicatorSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VulnerableLocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    GemeenteCode = table.Column<string>(type: "TEXT", maxLength: 6, nullable: false),
                    Category = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "TEXT", maxLength: 300, nullable: true),
                    Postcode = table.Column<string>(type: "TEXT", maxLength: 7, nullable: true),
                    BuurtCode = table.Column<string>(type: "TEXT", maxLength: 10, nullable: true),
                    Latitude = table.Column<double>(type: "REAL", nullable: true),
                    Longitude = table.Column<double>(type: "REAL", nullable: true),
                    People = table.Column<int>(type: "INTEGER", nullable: false),
                    HoursWithoutPower = table.Column<int>(type: "INTEGER", nullable: true),
                    HoursWithoutWater = table.Column<int>(type: "INTEGER", nullable: true),
                    HoursWithoutCommunication = table.Column<int>(type: "INTEGER", nullable: true),
                    Dependencies = table.Column<string>(type: "TEXT", nullable: false),
                    ContactName = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "TEXT", maxLength: 40, nullable: true),
                    ContactEmail = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    Notes = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerableLocations", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Noodsteunpunten_GemeenteCode",
                table: "Noodsteunpunten",
                column: "GemeenteCode");

            migrationBuilder.CreateIndex(
                name: "IX_VulnerabilityIndicatorSets_Version",
                table: "VulnerabilityIndicatorSets",
                column: "Version",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_VulnerableLocations_GemeenteCode",
                table: "VulnerableLocations",
                column: "GemeenteCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BuurtGeometries");

            migrationBuilder.DropTable(
                name: "Noodsteunpunten");

            migrationBuilder.DropTable(
                name: "SelfRelianceAssumptions");

            migrationBuilder.DropTable(
                name: "VulnerabilityIndicatorSets");

            migrationBuilder.DropTable(
                name: "VulnerableLocations");
        }
    }
}
