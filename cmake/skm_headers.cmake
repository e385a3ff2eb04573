# Each library's headers, visible only to what links it.
#
# Project headers are written from the repository root ("store/outbox.hpp"),
# but no target sees the root itself. skm_headers() builds, at configure
# time, a directory of links for one library:
#   <build>/include/<target>/<folder>/x.hpp           public: users of the target see them
#   <build>/include-internal/<target>/<folder>/x.hpp  internal: only the target's own sources
# so an include of a library one does not link, or of another library's
# internal header, fails to compile ("No such file"). tests/, bench/ and
# fuzz/ see the whole tree on purpose (white-box tests).
#
#   skm_headers(<target> <folder> [INTERNAL x.hpp ...] [ONLY x.hpp ...] [EXCLUDE x.hpp ...])
# INTERNAL: headers of <folder> only <target>'s sources may include.
# ONLY / EXCLUDE: when one folder holds several libraries (sync/, kiosk/platform/,
# hub/), which of its headers belong to <target>.
# New headers are picked up by a re-run of cmake (the glob is CONFIGURE_DEPENDS).

set(SKM_HEADER_VIEWS ${CMAKE_BINARY_DIR}/include)

function(skm_headers target folder)
  cmake_parse_arguments(PARSE_ARGV 2 ARG "" "" "INTERNAL;ONLY;EXCLUDE")
  set(source_dir ${PROJECT_SOURCE_DIR}/${folder})
  if(ARG_ONLY)
    set(names ${ARG_ONLY} ${ARG_INTERNAL})
  else()
    file(GLOB paths CONFIGURE_DEPENDS ${source_dir}/*.hpp)
    set(names "")
    foreach(path IN LISTS paths)
      get_filename_component(name ${path} NAME)
      list(APPEND names ${name})
    endforeach()
    if(ARG_EXCLUDE)
      list(REMOVE_ITEM names ${ARG_EXCLUDE})
    endif()
  endif()
  foreach(name IN LISTS ARG_INTERNAL ARG_ONLY ARG_EXCLUDE)
    if(NOT EXISTS ${source_dir}/${name})
      message(FATAL_ERROR "skm_headers(${target}): ${folder}/${name} does not exist")
    endif()
  endforeach()

  set(public_root ${SKM_HEADER_VIEWS}/${target})
  set(internal_root ${SKM_HEADER_VIEWS}-internal/${target})
  # Rebuilt from scratch so a header removed or made internal disappears from the view.
  file(REMOVE_RECURSE ${public_root}/${folder} ${internal_root}/${folder})
  file(MAKE_DIRECTORY ${public_root}/${folder} ${internal_root}/${folder})
  list(REMOVE_DUPLICATES names)
  foreach(name IN LISTS names)
    if(name IN_LIST ARG_INTERNAL)
      file(CREATE_LINK ${source_dir}/${name} ${internal_root}/${folder}/${name} SYMBOLIC)
    else()
      file(CREATE_LINK ${source_dir}/${name} ${public_root}/${folder}/${name} SYMBOLIC)
    endif()
  endforeach()
  target_include_directories(${target} PUBLIC ${public_root} PRIVATE ${internal_root})
endfunction()
