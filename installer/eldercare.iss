; Inno Setup script for eldercare-desktop
[Setup]
AppName=养老机构管理系统 eldercare-desktop
AppVersion=0.1.0
DefaultDirName={autopf}\eldercare-desktop
DefaultGroupName=eldercare-desktop
OutputBaseFilename=eldercare-desktop-setup
Compression=lzma2
SolidCompression=yes

[Files]
Source: "..\dist\eldercare-desktop\*"; DestDir: "{app}"; Flags: recursesubdirs

[Icons]
Name: "{group}\养老机构管理系统"; Filename: "{app}\eldercare-desktop.exe"
Name: "{commondesktop}\养老机构管理系统"; Filename: "{app}\eldercare-desktop.exe"
