#!/bin/sh
# argmap/debian:bookworm: packages never start services while an image is built.
exit 101
