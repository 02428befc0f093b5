package com.upcoach.coaching.domain;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import com.upcoach.coaching.SharedArea;

/**
 * Stores a set of shared areas as a comma-separated list, e.g. {@code HABITS,MOOD}.
 */
@Converter
class SharedAreasConverter implements AttributeConverter<Set<SharedArea>, String> {

	@Override
	public String convertToDatabaseColumn(Set<SharedArea> areas) {
		return (areas == null) ? "" : areas.stream().sorted().map(Enum::name).collect(Collectors.joining(","));
	}

	@Override
	public Set<SharedArea> convertToEntityAttribute(String column) {
		EnumSet<SharedArea> areas = EnumSet.noneOf(SharedArea.class);
		if (column != null && !column.isBlank()) {
			Arrays.stream(column.split(",")).map(String::strip).map(SharedArea::valueOf).forEach(areas::add);
		}
		return areas;
	}

}
