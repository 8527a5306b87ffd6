; NSIS 3 script for eldercare-desktop — built by installer/build-windows.sh:
;   makensis -DVERSION=0.1.0 -DVIVERSION=0.1.0.0 -DSRCDIR=build/windows/root \
;            -DOUTFILE=dist/eldercare-desktop-0.1.0-setup.exe installer/eldercare.nsi
; SRCDIR holds python\ (embeddable CPython 3.12), pkgs\ (unpacked Windows wheels),
; app\ (eldercare_desktop + resources\).
;
; Install modes
;   default      per user, no admin:   $LOCALAPPDATA\Programs\eldercare-desktop, HKCU
;   /ALLUSERS    per machine (run the setup as administrator): $PROGRAMFILES64\eldercare-desktop, HKLM
;   /S silent, /D=dir to choose the folder (last argument, no quotes).
; Upgrade in place: the previous folder (from the uninstall key) is reused, the old
; python\ pkgs\ app\ folders are replaced; the user's data (%LOCALAPPDATA%\eldercare-desktop:
; database, settings, anchor key, backups) and HKCU\Software\eldercare-desktop (QSettings) are
; never touched by install or upgrade.
; Uninstall keeps that data unless the box is ticked or /DELETEDATA=1 is given (silent: /S /DELETEDATA=1).

Unicode true
Target amd64-unicode            ; 64-bit setup (the app is x64 only; also runs under wine64 without wine32)
ManifestDPIAware true
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!ifndef VERSION
  !error "pass -DVERSION=x.y.z"
!endif
!ifndef VIVERSION
  !define VIVERSION "${VERSION}.0"
!endif
!ifndef SRCDIR
  !error "pass -DSRCDIR=<staged install tree>"
!endif
!ifndef OUTFILE
  !define OUTFILE "eldercare-desktop-${VERSION}-setup.exe"
!endif

!define APPID "eldercare-desktop"
!define APPNAME "养老机构管理系统"
!define PUBLISHER "eldercare-desktop"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APPID}"
!define DATA_DIR_NAME "eldercare-desktop"          ; platformdirs user_data_dir == user_config_dir on Windows
!define QSETTINGS_KEY "Software\eldercare-desktop"  ; QSettings("eldercare-desktop", "eldercare-desktop")
!define PYTHONW "$INSTDIR\python\pythonw.exe"
!define GUI_ARGS "-m eldercare_desktop"
!define SELFTEST_NAME "${APPNAME} 自检"              ; one name in every language: the uninstaller deletes it

Name "${APPNAME} ${VERSION}"
OutFile "${OUTFILE}"
RequestExecutionLevel user
InstallDir "$LOCALAPPDATA\Programs\${APPID}"
BrandingText "eldercare-desktop ${VERSION}"

VIProductVersion "${VIVERSION}"
VIAddVersionKey /LANG=0 "ProductName" "${APPNAME} (eldercare-desktop)"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "FileDescription" "${APPNAME} ${VERSION} 安装程序"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include MUI2.nsh
!include FileFunc.nsh
!include LogicLib.nsh
!include x64.nsh
!include Sections.nsh

Var AllUsers

!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "${PYTHONW}"
!define MUI_FINISHPAGE_RUN_PARAMETERS "${GUI_ARGS}"
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString NeedAdmin ${LANG_SIMPCHINESE} "为所有用户安装（/ALLUSERS）需要以管理员身份运行安装程序。"
LangString NeedAdmin ${LANG_ENGLISH} "Installing for all users (/ALLUSERS) requires running the setup as administrator."
LangString SelfTestDesc ${LANG_SIMPCHINESE} "检查程序是否完整可用（在临时文件夹中运行，不改动您的数据）"
LangString SelfTestDesc ${LANG_ENGLISH} "Checks the program works (runs in a temporary folder; your data is not touched)"
LangString Need64 ${LANG_SIMPCHINESE} "本软件需要 64 位 Windows 10 或更新版本。"
LangString Need64 ${LANG_ENGLISH} "This program needs 64-bit Windows 10 or later."
LangString Compiling ${LANG_SIMPCHINESE} "正在预编译 Python 模块（加快启动）……"
LangString Compiling ${LANG_ENGLISH} "Byte-compiling Python modules (faster start-up)..."
LangString SecProgName ${LANG_SIMPCHINESE} "程序文件"
LangString SecProgName ${LANG_ENGLISH} "Program files"
LangString SecDataName ${LANG_SIMPCHINESE} "同时删除我的数据（数据库、设置、备份）"
LangString SecDataName ${LANG_ENGLISH} "Also delete my data (database, settings, backups)"
LangString SecDataDesc ${LANG_SIMPCHINESE} "删除 %LOCALAPPDATA%\eldercare-desktop 中的数据库与设置。此操作不可恢复！不勾选则保留数据，重新安装后可继续使用。"
LangString SecDataDesc ${LANG_ENGLISH} "Deletes the database and settings in %LOCALAPPDATA%\eldercare-desktop. This cannot be undone. Leave unticked to keep them for a later reinstall."

; ---------------------------------------------------------------- install

Function .onInit
  SetRegView 64
  ${IfNot} ${RunningX64}
    MessageBox MB_ICONSTOP "$(Need64)" /SD IDOK
    Abort
  ${EndIf}
  StrCpy $R9 $INSTDIR                      ; non-default => /D= was given
  StrCpy $R7 "$LOCALAPPDATA\Programs\${APPID}" ; the default, read before SetShellVarContext all
  ${GetParameters} $R0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${If} ${Errors}
    StrCpy $AllUsers 0
    SetShellVarContext current
    StrCpy $R8 "$LOCALAPPDATA\Programs\${APPID}"
  ${Else}
    StrCpy $AllUsers 1
    UserInfo::GetAccountType
    Pop $R2
    ${If} $R2 != "admin"
      MessageBox MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
      SetErrorLevel 740
      Quit
    ${EndIf}
    SetShellVarContext all
    StrCpy $R8 "$PROGRAMFILES64\${APPID}"
  ${EndIf}
  ${If} $R9 == $R7
  ${OrIf} $R9 == ""
    StrCpy $INSTDIR $R8
    ReadRegStr $R3 SHCTX "${UNINST_KEY}" "InstallLocation"   ; upgrade in place
    ${If} $R3 != ""
      StrCpy $INSTDIR $R3
    ${EndIf}
  ${EndIf}
FunctionEnd

Section "install" SecInstall
  SetOutPath "$INSTDIR"
  ; upgrade: drop the previous version's program folders (stale modules would shadow new ones).
  ; Only these folders: the user's data lives in %LOCALAPPDATA%\${DATA_DIR_NAME}, never here.
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\pkgs"
  RMDir /r "$INSTDIR\app"
  File /r "${SRCDIR}\*"

  DetailPrint "$(Compiling)"
  nsExec::ExecToLog '"$INSTDIR\python\python.exe" -m compileall -q "$INSTDIR\app" "$INSTDIR\pkgs"'
  Pop $0
  DetailPrint "compileall: $0"

  WriteUninstaller "$INSTDIR\uninstall.exe"

  SetOutPath "$INSTDIR"                    ; shortcuts start in the install folder
  CreateShortcut "$SMPROGRAMS\${APPNAME}.lnk" "${PYTHONW}" "${GUI_ARGS}" "${PYTHONW}" 0 SW_SHOWNORMAL "" "${APPNAME}"
  CreateShortcut "$DESKTOP\${APPNAME}.lnk" "${PYTHONW}" "${GUI_ARGS}" "${PYTHONW}" 0 SW_SHOWNORMAL "" "${APPNAME}"
  ; support: the self-test in a console window that stays open to be read (or sent to support)
  CreateShortcut "$SMPROGRAMS\${SELFTEST_NAME}.lnk" "$SYSDIR\cmd.exe" '/k ""$INSTDIR\eldercare.cmd" self-test"' \
      "${PYTHONW}" 0 SW_SHOWNORMAL "" "$(SelfTestDesc)"

  ; SHCTX is HKLM after SetShellVarContext all, HKCU otherwise
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayName" "${APPNAME} (eldercare-desktop)"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr SHCTX "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr SHCTX "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr SHCTX "${UNINST_KEY}" "DisplayIcon" "${PYTHONW}"
  ${If} $AllUsers == 1
    WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe" /ALLUSERS'
    WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /ALLUSERS /S'
  ${Else}
    WriteRegStr SHCTX "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
    WriteRegStr SHCTX "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  ${EndIf}
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD SHCTX "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  IntFmt $0 "0x%08X" $0
  WriteRegDWORD SHCTX "${UNINST_KEY}" "EstimatedSize" "$0"
SectionEnd

; ---------------------------------------------------------------- uninstall


Section "un.$(SecProgName)" SecProg
  SectionIn RO
  Delete "$SMPROGRAMS\${APPNAME}.lnk"
  Delete "$DESKTOP\${APPNAME}.lnk"
  Delete "$SMPROGRAMS\${SELFTEST_NAME}.lnk"
  ; only what the installer put there (never RMDir /r $INSTDIR: it may be a folder the user chose)
  RMDir /r "$INSTDIR\python"
  RMDir /r "$INSTDIR\pkgs"
  RMDir /r "$INSTDIR\app"
  Delete "$INSTDIR\README.txt"
  Delete "$INSTDIR\eldercare.cmd"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey SHCTX "${UNINST_KEY}"
SectionEnd

Section /o "un.$(SecDataName)" SecData
  ; the data belongs to the user running the uninstaller (per-user folders even for /ALLUSERS)
  SetShellVarContext current
  DetailPrint "RMDir /r $LOCALAPPDATA\${DATA_DIR_NAME}"
  RMDir /r "$LOCALAPPDATA\${DATA_DIR_NAME}"
  DeleteRegKey HKCU "${QSETTINGS_KEY}"
  ${If} $AllUsers == 1
    SetShellVarContext all
  ${EndIf}
SectionEnd

Function un.onInit
  SetRegView 64
  ${GetParameters} $R0
  StrCpy $AllUsers 0
  ClearErrors
  ${GetOptions} $R0 "/ALLUSERS" $R1
  ${IfNot} ${Errors}
    StrCpy $AllUsers 1
  ${Else}
    ReadRegStr $R3 HKLM "${UNINST_KEY}" "InstallLocation"
    ${If} $R3 == $INSTDIR
      StrCpy $AllUsers 1
    ${EndIf}
  ${EndIf}
  ${If} $AllUsers == 1
    UserInfo::GetAccountType
    Pop $R2
    ${If} $R2 != "admin"
      MessageBox MB_ICONSTOP "$(NeedAdmin)" /SD IDOK
      SetErrorLevel 740
      Quit
    ${EndIf}
    SetShellVarContext all
  ${Else}
    SetShellVarContext current
  ${EndIf}
  ClearErrors
  ${GetOptions} $R0 "/DELETEDATA=" $R1
  ${IfNot} ${Errors}
  ${AndIf} $R1 == "1"
    !insertmacro SelectSection ${SecData}
  ${EndIf}
FunctionEnd

!insertmacro MUI_UNFUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecData} "$(SecDataDesc)"
!insertmacro MUI_UNFUNCTION_DESCRIPTION_END
