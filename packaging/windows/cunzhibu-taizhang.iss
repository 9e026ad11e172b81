; Inno Setup 6 script: installs 村支部台账 for the current user (no administrator rights).
; Saved as UTF-8 with a byte-order mark: Inno Setup before 6.3 reads a file without one as
; ANSI and garbles every Chinese name (keep the BOM when editing; tests/test_packaging.py checks).
; Build on Windows after `make dist` (see README, 在 Windows 上制作安装包):
;   iscc /DAppVersion=0.1.0 packaging\windows\cunzhibu-taizhang.iss
; Output: dist\村支部台账-安装程序-<version>.exe
; The installer needs no network. The uninstaller removes the program files only: the
; user's data in %LOCALAPPDATA%\CunZhiBuTaiZhang (database, backups, logs) stays.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "村支部台账"
#define AppExe "CunZhiBuTaiZhang.exe"
#define BundleDir "..\..\dist\CunZhiBuTaiZhang"

[Setup]
AppId={{6C1F0E52-3B9A-4C57-9B0D-2A6E3D7C4F18}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
; Per-user install into %LOCALAPPDATA%\Programs: no administrator rights, no UAC prompt.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
DefaultDirName={userpf}\CunZhiBuTaiZhang
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
UninstallDisplayName={#AppName}
UninstallDisplayIcon={app}\{#AppExe}
SetupIconFile=..\..\resources\icons\app.ico
OutputDir=..\..\dist
OutputBaseFilename={#AppName}-安装程序-{#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Qt 6 needs Windows 10 1809 (build 17763) or later.
MinVersion=10.0.17763
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes

[Languages]
; Inno Setup ships no Simplified Chinese wizard text. Put the community translation
; ChineseSimplified.isl beside this script to get a Chinese wizard; without it the wizard
; buttons are in English and everything the program itself shows is still Chinese.
#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
Name: "zh"; MessagesFile: "compiler:Default.isl,ChineseSimplified.isl"
#else
Name: "zh"; MessagesFile: "compiler:Default.isl"
#endif

[CustomMessages]
zh.DesktopIcon=在桌面创建快捷方式
zh.LaunchNow=现在打开村支部台账
zh.DataKept=卸载只删除程序文件。您的数据（数据库、备份、日志）保留在 %LOCALAPPDATA%\CunZhiBuTaiZhang，重新安装后可以继续使用。

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"

[InstallDelete]
; An upgrade installs over the old folder: what an older version had under _internal (Python
; modules, Qt plugins since renamed or dropped) would stay and could be loaded. Start clean.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{userprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"
Name: "{userdesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchNow}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself wrote inside its install folder (nothing: data lives elsewhere).
Type: dirifempty; Name: "{app}"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(ExpandConstant('{cm:DataKept}'), mbInformation, MB_OK);
end;
