using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Weerbaar.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class NoodsteunpuntDetails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "BackupPowerHours",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BuildingType",
                table: "Noodsteunpunten",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "Noodsteunpunten",
                type: "TEXT",
                maxLength: 256,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactName",
                table: "Noodsteunpunten",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "Noodsteunpunten",
                type: "TEXT",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasC2000",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasCharging",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasDrinkingWater",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasFirstAid",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasHeating",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasMobile",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasRadio",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasSatellite",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "HasToilets",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<bool>(
                name: "IsWheelchairAccessible",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "OpeningArrangement",
                table: "Noodsteunpunten",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Partners",
                table: "Noodsteunpunten",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "ShiftsPerDay",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Staff",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Status",
                table: "Noodsteunpunten",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "gepland");

            migrationBuilder.AddColumn<int>(
                name: "Volunteers",
                table: "Noodsteunpunten",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Noodsteunpunten_GemeenteCode_Status",
                table: "Noodsteunpunten",
                columns: new[] { "GemeenteCode", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Noodsteunpunten_GemeenteCode_Status",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "BackupPowerHours",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "BuildingType",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "ContactName",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "HasC2000",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "HasCharging",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "HasDrinkingWater",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "HasFirstAid",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "HasHeating",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "HasMobile",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "HasRadio",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "HasSatellite",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "HasToilets",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "IsWheelchairAccessible",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "OpeningArrangement",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "Partners",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "ShiftsPerDay",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "Staff",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "Status",
                table: "Noodsteunpunten");

            migrationBuilder.DropColumn(
                name: "Volunteers",
                table: "Noodsteunpunten");
        }
    }
}
