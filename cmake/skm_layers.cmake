# The rings the dependencies point inward through, checked on the link graph:
#   0 scoring → 1 formats → 2 store, sync, reports → 3 kiosk, hub, tools
# skm_ring(<target> <n>) places a library; skm_check_layers() (at the end of
# the top-level CMakeLists) refuses the configuration when a library links one
# of an outer ring, or when two of our libraries reach each other (a cycle).
# Together with skm_headers() (each library's own include directory) this is
# what keeps the layering: an include the link graph does not allow does not
# compile. tests/rules checks only what the build cannot see (system headers
# visible everywhere, such as sqlite3.h, and relative "../" includes).

set_property(GLOBAL PROPERTY SKM_LAYERED_TARGETS "")

function(skm_ring target ring)
  set_property(TARGET ${target} PROPERTY SKM_RING ${ring})
  set_property(GLOBAL APPEND PROPERTY SKM_LAYERED_TARGETS ${target})
endfunction()

# The layered targets `target` links directly (generator expressions and
# external libraries are not ours and are skipped).
function(_skm_layered_links target out)
  get_property(layered GLOBAL PROPERTY SKM_LAYERED_TARGETS)
  get_target_property(links ${target} LINK_LIBRARIES)
  get_target_property(interface ${target} INTERFACE_LINK_LIBRARIES)
  set(result "")
  foreach(link IN LISTS links interface)
    if(link IN_LIST layered AND NOT link IN_LIST result)
      list(APPEND result ${link})
    endif()
  endforeach()
  set(${out} ${result} PARENT_SCOPE)
endfunction()

function(_skm_visit target path)
  if(target IN_LIST path)
    list(APPEND path ${target})
    string(REPLACE ";" " → " cycle "${path}")
    message(FATAL_ERROR "libraries link each other: ${cycle}")
  endif()
  list(APPEND path ${target})
  _skm_layered_links(${target} links)
  foreach(link IN LISTS links)
    _skm_visit(${link} "${path}")
  endforeach()
endfunction()

function(skm_check_layers)
  get_property(layered GLOBAL PROPERTY SKM_LAYERED_TARGETS)
  foreach(target IN LISTS layered)
    get_target_property(ring ${target} SKM_RING)
    _skm_layered_links(${target} links)
    foreach(link IN LISTS links)
      get_target_property(link_ring ${link} SKM_RING)
      if(link_ring GREATER ring)
        message(FATAL_ERROR "${target} (ring ${ring}) links ${link} (ring ${link_ring}): dependencies point inward")
      endif()
    endforeach()
    _skm_visit(${target} "")
  endforeach()
endfunction()
