using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Postgres.Migrations
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
                    BuurtCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    GeoJson = table.Column<string>(type: "text", nullable: false),
                    CentroidLatitude = table.Column<double>(type: "double precision", nullable: false),
                    CentroidLongitude = table.Column<double>(type: "double precision", nullable: false),
                    LoadedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    BuurtCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    HasBackupPower = table.Column<bool>(type: "boolean", nullable: false),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Noodsteunpunten", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SelfRelianceAssumptions",
                columns: table => new
                {
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Values = table.Column<string>(type: "text", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SelfRelianceAssumptions", x => x.GemeenteCode);
                });

            migrationBuilder.CreateTable(
                name: "VulnerabilityIndicatorSets",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    DefinitionJson = table.Column<string>(type: "text", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_VulnerabilityIndicatorSets", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "VulnerableLocations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    GemeenteCode = table.Column<string>(type: "character varying(6)", maxLength: 6, nullable: false),
                    Category = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Address = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Postcode = table.Column<string>(type: "character varying(7)", maxLength: 7, nullable: true),
                    BuurtCode = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: true),
                    Latitude = table.Column<double>(type: "double precision", nullable: true),
                    Longitude = table.Column<double>(type: "double precision", nullable: true),
                    People = table.Column<int>(type: "integer", nullable: false),
                    HoursWithoutPower = table.Column<int>(type: "integer", nullable: true),
                    HoursWithoutWater = table.Column<int>(type: "integer", nullable: true),
                    HoursWithoutCommunication = table.Column<int>(type: "integer", nullable: true),
                    Dependencies = table.Column<string>(type: "text", nullable: false),
                    ContactName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    ContactPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Notes = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    UpdatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
